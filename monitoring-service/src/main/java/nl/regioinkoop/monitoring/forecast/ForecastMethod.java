package nl.regioinkoop.monitoring.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One way to turn what is known about a budget line on a date into its expected spend by 31 December. */
public interface ForecastMethod {
    /** Stable name, as configured ({@code monitoring.forecast.method}) and shown. */
    String name();

    /** The assumption in one sentence, for the people who read the figure. */
    String assumption();

    /** Expected spend of the line's year, in cents; statistics stay BigDecimal until this one rounding. */
    long forecastCents(LineFacts facts);

    static long cents(BigDecimal amount) {
        return amount.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
