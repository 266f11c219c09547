package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Published when a provider or a consortium's lead submits a bid on a lot. Topic: contracting.tenders.v1, key: tenderId. */
@Serdeable
public record BidSubmitted(UUID eventId, Instant occurredAt, UUID tenderId, UUID bidId, UUID lotId, String leadAgb, List<ConsortiumMember> members) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(tenderId);
    }
}
