package nl.regioinkoop.provider.allocation;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

/** What a provider sends to report on one allocation. */
public final class CareRequests {
    private CareRequests() {
    }

    /** Care started (the JW305 meaning). */
    @Serdeable
    public record StartCare(@NotNull LocalDate startDate) {
    }

    /** Care stopped (the JW307 meaning) with the JZ588 reason. */
    @Serdeable
    public record StopCare(@NotNull LocalDate stopDate,
                    @NotNull @Pattern(regexp = "02|20|3[1-9]",
                            message = "must be a JZ588 reason code: 02, 20 or 31-39") String reasonCode) {
    }

    /** The outcome of ended care: goal realised and client satisfaction (Regeling Jeugdwet indicators). */
    @Serdeable
    record ReportOutcome(@NotNull @Pattern(regexp = "YES|PARTLY|NO", message = "must be YES, PARTLY or NO")
                         String goalRealised,
                         @NotNull @Min(value = 1, message = "must be a score from 1 to 10")
                         @Max(value = 10, message = "must be a score from 1 to 10") Integer satisfaction) {
    }
}
