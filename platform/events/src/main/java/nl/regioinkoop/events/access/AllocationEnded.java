package nl.regioinkoop.events.access;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when an allocation ends early or is withdrawn, with the JZ588 reason; releasedCents goes back to the budget. Topic: access.allocations.v1, key: allocationId. */
@Serdeable
public record AllocationEnded(UUID eventId, Instant occurredAt, UUID allocationId, String municipalityCode, String providerAgb, LocalDate endDate, String reasonCode, boolean withdrawn, long releasedCents) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(allocationId);
    }
}
