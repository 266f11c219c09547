package nl.regioinkoop.provider.declaration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a provider declares. Malformed lines refuse the whole request (400); sound lines are judged one by one. */
public final class DeclarationRequests {
    static final int MAX_LINES = 100_000;

    private DeclarationRequests() {
    }

    /**
     * One monthly declaration line (the JW323 meaning) on one allocation.
     *
     * @param lineRef the provider's own reference, echoed in the answer
     */
    @Serdeable
    public record Line(@Nullable @Size(max = 100) String lineRef,
                @NotNull UUID allocationId,
                @NotNull LocalDate periodStart,
                @NotNull LocalDate periodEnd,
                @NotBlank @Pattern(regexp = "[A-Za-z0-9]{1,5}", message = "must be a product code of up to 5 letters or digits")
                String productCode,
                @Nullable @Pattern(regexp = "\\d{2}", message = "must be a JZ020/WMO020 category of 2 digits")
                String productCategory,
                @NotNull @Positive Long volume,
                @NotNull @Pattern(regexp = "01|04|14|16|82|83|84", message = "must be a WJ756 unit: 01, 04, 14, 16, 82, 83 or 84")
                String unit,
                @NotNull @PositiveOrZero Long tariffCents,
                @NotNull @PositiveOrZero Long amountCents) {
    }

    @Serdeable
    record Batch(@NotNull @NotEmpty @Size(max = MAX_LINES, message = "must hold at most 100000 lines; split the submission")
                 List<@NotNull @Valid Line> lines) {
    }

    /** The answer to one line (the JW325 meaning): ACCEPTED, or REJECTED with a reason code and text. */
    @Serdeable
    public record LineAnswer(int index, @Nullable String lineRef, UUID declarationLineId, UUID allocationId, String status,
                      @Nullable String reasonCode, @Nullable String reason) {
    }

    @Serdeable
    public record BatchAnswer(UUID submissionId, int received, int accepted, int rejected, List<LineAnswer> lines) {
    }
}
