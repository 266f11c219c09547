package nl.regioinkoop.events.provider;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published for each accepted declaration line (the JW323/JW325 meaning); access-service moves its amount from committed to realised. Topic: provider.reports.v1, key: allocationId. */
@Serdeable
public record DeclarationAccepted(UUID eventId, Instant occurredAt, UUID declarationLineId, UUID allocationId, String providerAgb, String municipalityCode, String clientPseudonym, String productCategory, String productCode, LocalDate periodStart, LocalDate periodEnd, long volume, String unit, long tariffCents, long amountCents) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(allocationId);
    }
}
