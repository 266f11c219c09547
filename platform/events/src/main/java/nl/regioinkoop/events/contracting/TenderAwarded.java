package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Published at the provisional and at the definitive award of a lot. Topic: contracting.tenders.v1, key: tenderId. */
@Serdeable
public record TenderAwarded(UUID eventId, Instant occurredAt, UUID tenderId, UUID lotId, List<UUID> awardedBidIds, boolean definitive) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(tenderId);
    }
}
