package nl.regioinkoop.events.access;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** Published when a provider's request for allocation is rejected, with the WJ759 reason (the JW319 meaning). Topic: access.allocations.v1, key: referralId. */
@Serdeable
public record AllocationRequestRejected(UUID eventId, Instant occurredAt, UUID referralId, String municipalityCode, String providerAgb, String reasonCode, String reason) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(referralId);
    }
}
