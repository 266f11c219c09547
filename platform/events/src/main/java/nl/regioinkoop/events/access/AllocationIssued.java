package nl.regioinkoop.events.access;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when an access team allocates care to a provider under a contract (the JW301 meaning). Topic: access.allocations.v1, key: allocationId. */
@Serdeable
public record AllocationIssued(UUID eventId, Instant occurredAt, UUID allocationId, UUID referralId, String municipalityCode, String clientPseudonym, String providerAgb, UUID contractId, String productCategory, String productCode, String segment, String profile, Integer intensity, String referrerType, String fundingModel, long volume, String unit, String frequency, LocalDate validFrom, LocalDate validTo, long tariffCents, long committedCents, String budgetLine, String overrideReason) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(allocationId);
    }
}
