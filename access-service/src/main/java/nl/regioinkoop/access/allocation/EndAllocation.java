package nl.regioinkoop.access.allocation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** End on a date with a JZ588 reason; for a withdrawal the date is ignored and the reason defaults to 36. */
@Serdeable
public record EndAllocation(@Nullable LocalDate endDate, @Nullable String reasonCode,
                            @Nullable @Size(max = 500) String reason) {
}
