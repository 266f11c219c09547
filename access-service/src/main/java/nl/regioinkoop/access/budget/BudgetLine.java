package nl.regioinkoop.access.budget;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/** A municipality's budget for one line (segment or product category) in one year, in eurocents. */
@Serdeable
@MappedEntity("budget_line")
public record BudgetLine(@Id UUID id, String municipalityCode, int year, String line, long amountCents,
                         long committedCents, long realisedCents, Instant updatedAt) {
    /** What is still free: realised money counts, because realising only moves money out of committed. */
    public long remainingCents() {
        return amountCents - committedCents - realisedCents;
    }

    /** Committed plus realised as a share of the amount, in percent to one decimal, computed from the cents. */
    public BigDecimal usedPercent() {
        long used = committedCents + realisedCents;
        if (amountCents == 0) {
            return BigDecimal.valueOf(used > 0 ? 100 : 0).setScale(1);
        }
        return BigDecimal.valueOf(used).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(amountCents), 1, RoundingMode.HALF_UP);
    }
}
