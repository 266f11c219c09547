package nl.regioinkoop.access.allocation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A product allocated to a provider under a contract (JW301 meaning). expectedCost is the whole period's cost;
 * committed is the part still held on the budget line, realised what accepted declarations took from it.
 */
@Serdeable
@MappedEntity("allocation")
public record Allocation(@Id UUID id, UUID referralId, UUID clientId, String municipalityCode, String clientPseudonym,
                         String providerAgb, UUID contractId, @Nullable String productCategory, String productCode,
                         @Nullable String segment, @Nullable String profile, @Nullable Integer intensity,
                         String referrerType, String fundingModel, long volume, String unit, String frequency,
                         LocalDate validFrom, LocalDate validTo, long tariffCents, long expectedCostCents,
                         long committedCents, long realisedCents, @Nullable UUID budgetLineId,
                         @Nullable String budgetLine, boolean chosenByFamily, @Nullable String eligibleProviders,
                         @Nullable String overrideReason, String status, @Nullable String endReason,
                         @Nullable LocalDate endedOn, Instant issuedAt, Instant updatedAt) {
    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";
    public static final String WITHDRAWN = "WITHDRAWN";

    Allocation withPlan(long volume, LocalDate validFrom, LocalDate validTo, long expected, long committed, Instant at) {
        return new Allocation(id, referralId, clientId, municipalityCode, clientPseudonym, providerAgb, contractId,
                productCategory, productCode, segment, profile, intensity, referrerType, fundingModel, volume, unit,
                frequency, validFrom, validTo, tariffCents, expected, committed, realisedCents, budgetLineId,
                budgetLine, chosenByFamily, eligibleProviders, overrideReason, status, endReason, endedOn, issuedAt, at);
    }

    Allocation ended(String status, String reason, LocalDate on, long expected, long committed, Instant at) {
        return new Allocation(id, referralId, clientId, municipalityCode, clientPseudonym, providerAgb, contractId,
                productCategory, productCode, segment, profile, intensity, referrerType, fundingModel, volume, unit,
                frequency, validFrom, validTo, tariffCents, expected, committed, realisedCents, budgetLineId,
                budgetLine, chosenByFamily, eligibleProviders, overrideReason, status, reason, on, issuedAt, at);
    }

    Allocation realised(long fromCommitted, long amount, Instant at) {
        return new Allocation(id, referralId, clientId, municipalityCode, clientPseudonym, providerAgb, contractId,
                productCategory, productCode, segment, profile, intensity, referrerType, fundingModel, volume, unit,
                frequency, validFrom, validTo, tariffCents, expectedCostCents, committedCents - fromCommitted,
                realisedCents + amount, budgetLineId, budgetLine, chosenByFamily, eligibleProviders, overrideReason,
                status, endReason, endedOn, issuedAt, at);
    }
}
