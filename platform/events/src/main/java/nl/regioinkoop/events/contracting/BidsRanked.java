package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Published when the bids on a lot are scored and ranked. Topic: contracting.tenders.v1, key: tenderId. */
@Serdeable
public record BidsRanked(UUID eventId, Instant occurredAt, UUID tenderId, UUID lotId, List<RankedBid> ranking) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(tenderId);
    }
}
