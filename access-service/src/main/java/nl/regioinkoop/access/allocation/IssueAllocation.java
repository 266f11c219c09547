package nl.regioinkoop.access.allocation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Allocate a product to the provider the family chose, for a triaged referral: volume in units (WJ756) per
 * frequency (WMO757) over the period. overrideReason asks to exceed the budget (role BUDGET_OVERRIDE).
 */
@Serdeable
public record IssueAllocation(
        @NotNull UUID referralId,
        @NotNull @Pattern(regexp = "\\d{8}", message = "must be an AGB code of 8 digits") String providerAgb,
        @NotNull @Pattern(regexp = "[0-9A-Z]{1,5}", message = "must be a product code of up to 5 characters") String productCode,
        @Positive long volume,
        @NotNull String unit,
        @NotNull String frequency,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validTo,
        boolean chosenByFamily,
        @Nullable @Size(max = 500) String overrideReason,
        @Nullable @Size(max = 500) String reason) {
}
