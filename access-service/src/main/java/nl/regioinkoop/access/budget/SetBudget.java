package nl.regioinkoop.access.budget;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** A budget line: a segment (e.g. AMBULANT) or a product category code (e.g. 45), per year, in eurocents. */
@Serdeable
record SetBudget(
        @NotNull @Pattern(regexp = "\\d{4}", message = "must be a CBS municipality code of 4 digits") String municipalityCode,
        @Min(2000) @Max(2100) int year,
        @NotNull @Pattern(regexp = "[A-Z0-9_]{2,60}", message = "must be a segment or product category code") String line,
        @PositiveOrZero long amountCents) {
}
