package nl.regioinkoop.monitoring.slice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Euros as Dutch readers write them: "€ 1.234,56". Amounts stay in cents everywhere else. */
public final class Money {
    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    private Money() {
    }

    public static String euros(long cents) {
        NumberFormat format = NumberFormat.getCurrencyInstance(NL);
        return format.format(BigDecimal.valueOf(cents, 2)).replace('\u00a0', ' ');
    }

    /** Whole cents of part / count, rounded half up; 0 when count is 0. */
    public static long perUnit(long cents, long count) {
        if (count == 0) {
            return 0;
        }
        return BigDecimal.valueOf(cents).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
