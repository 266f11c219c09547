package nl.regioinkoop.access.referral;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The triage of a referral: segment, profile and intensity (required for specialist care) and the outcome. */
@Serdeable
public record RecordTriage(
        @NotBlank String segment,
        @Nullable String profile,
        @Nullable Integer intensity,
        @NotNull @Pattern(regexp = "NORMALISED|GENERAL_PROVISION|SPECIALIST_CARE",
                message = "must be NORMALISED, GENERAL_PROVISION or SPECIALIST_CARE") String outcome,
        @Nullable @Size(max = 4000) String notes,
        @Nullable @Size(max = 500) String reason) {
}
