package nl.regioinkoop.monitoring.forecast;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** Mean absolute percentage error of forecasts against what happened: mean of |forecast - actual| / actual x 100. */
public final class Mape {
    private Mape() {
    }

    /** One forecast and the year-end spend it was a forecast of, in cents. */
    public record Pair(long forecastCents, long actualCents) {
    }

    /** In percent with one decimal; pairs whose actual is 0 have no percentage error and are left out; null if none. */
    public static BigDecimal percent(List<Pair> pairs) {
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (Pair p : pairs) {
            if (p.actualCents() == 0) {
                continue;
            }
            sum = sum.add(BigDecimal.valueOf(Math.abs(p.forecastCents() - p.actualCents()))
                    .divide(BigDecimal.valueOf(p.actualCents()), MathContext.DECIMAL64));
            n++;
        }
        return n == 0 ? null : sum.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(n), 1,
                RoundingMode.HALF_UP);
    }
}
