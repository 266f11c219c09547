package nl.regioinkoop.provider.allocation;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/** An allocation as its provider sees it; remainingVolume is null when the allocation has no total. */
@Serdeable
public record AllocationView(UUID allocationId, String municipalityCode, String clientPseudonym, String providerAgb,
                             UUID contractId, String productCategory, String productCode, String fundingModel,
                             long volume, String unit, String frequency, LocalDate validFrom, LocalDate validTo,
                             long tariffCents, LocalDate endedOn, String endReason, boolean withdrawn,
                             long declaredVolume, Long remainingVolume, LocalDate careStartedOn,
                             LocalDate careStoppedOn, String stopReason, String outcomeGoal,
                             Integer outcomeSatisfaction) {
}
