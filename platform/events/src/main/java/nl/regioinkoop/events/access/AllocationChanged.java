package nl.regioinkoop.events.access;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when an allocation's volume or period changes, including an extension; committedCents is the new total. Topic: access.allocations.v1, key: allocationId. */
@Serdeable
public record AllocationChanged(UUID eventId, Instant occurredAt, UUID allocationId, String municipalityCode, String providerAgb, long volume, String unit, String frequency, LocalDate validFrom, LocalDate validTo, long committedCents, String reason) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(allocationId);
    }
}
