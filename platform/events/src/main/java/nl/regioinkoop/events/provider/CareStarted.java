package nl.regioinkoop.events.provider;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when a provider reports that care under an allocation started (the JW305 meaning). Topic: provider.reports.v1, key: allocationId. */
@Serdeable
public record CareStarted(UUID eventId, Instant occurredAt, UUID allocationId, String providerAgb, String municipalityCode, String clientPseudonym, LocalDate startDate) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(allocationId);
    }
}
