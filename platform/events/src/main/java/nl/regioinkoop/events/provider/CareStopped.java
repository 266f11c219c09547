package nl.regioinkoop.events.provider;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when a provider reports that care stopped, with the JZ588 reason (32 and 33 count as dropout; the JW307 meaning). Topic: provider.reports.v1, key: allocationId. */
@Serdeable
public record CareStopped(UUID eventId, Instant occurredAt, UUID allocationId, String providerAgb, String municipalityCode, String clientPseudonym, LocalDate stopDate, String reasonCode) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(allocationId);
    }
}
