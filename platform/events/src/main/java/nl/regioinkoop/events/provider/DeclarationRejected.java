package nl.regioinkoop.events.provider;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published for each rejected declaration line, with its reason, for monitoring. Topic: provider.reports.v1, key: allocationId. */
@Serdeable
public record DeclarationRejected(UUID eventId, Instant occurredAt, UUID declarationLineId, UUID allocationId, String providerAgb, String municipalityCode, LocalDate periodStart, LocalDate periodEnd, long amountCents, String reasonCode, String reason) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(allocationId);
    }
}
