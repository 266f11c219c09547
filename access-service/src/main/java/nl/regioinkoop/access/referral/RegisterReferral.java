package nl.regioinkoop.access.referral;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A referral for a registered client. With {@code requestingProviderAgb} it is a provider's request for allocation
 * (JW315 meaning), received on {@code receivedOn} (default today) and due 5 working days later.
 */
@Serdeable
public record RegisterReferral(
        @NotNull UUID clientId,
        @NotNull String referrerType,
        @Nullable @Size(max = 200) String referrerName,
        @Nullable @Pattern(regexp = "\\d{8}", message = "must be an AGB code of 8 digits") String referrerAgb,
        @NotNull LocalDate referralDate,
        @NotBlank @Size(max = 4000) String question,
        boolean crisis,
        @Nullable @Pattern(regexp = "\\d{8}", message = "must be an AGB code of 8 digits") String requestingProviderAgb,
        @Nullable LocalDate receivedOn,
        @Nullable @Size(max = 500) String reason) {
}
