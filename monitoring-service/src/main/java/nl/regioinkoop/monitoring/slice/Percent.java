package nl.regioinkoop.monitoring.slice;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages and means as BigDecimal with a fixed scale: no floating point in figures people act on. */
public final class Percent {
    private Percent() {
    }

    /** part / whole as a percentage with one decimal; 0.0 when whole is 0. */
    public static BigDecimal share(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** part / whole as a percentage with one decimal; null (no data) when whole is 0. */
    public static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : share(part, whole);
    }

    /** sum / count with the given scale; null when count is 0. */
    public static BigDecimal mean(long sum, long count, int scale) {
        if (count == 0) {
            return null;
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_UP);
    }
}
