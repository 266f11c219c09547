package nl.regioinkoop.kit.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The calendar the platform's dates lie on: a birth date, a referral, a contract or a budget year between
 * {@value #EARLIEST} and {@value #LATEST}. A date beyond it (year 0, +999999999) is a typing error or an attack;
 * taken, it fails later in date arithmetic or in PostgreSQL with a 500.
 */
public final class PlausibleDates {
    public static final String EARLIEST = "1900-01-01";
    public static final String LATEST = "2199-12-31";
    private static final LocalDate FIRST = LocalDate.parse(EARLIEST);
    private static final LocalDate LAST = LocalDate.parse(LATEST);
    static final String REASON = "must be a date between " + EARLIEST + " and " + LATEST;

    private PlausibleDates() {
    }

    public static boolean plausible(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    /** Any of java.time's dates and moments; other values are not dates and pass. */
    static boolean plausible(Object value) {
        if (value instanceof LocalDate d) {
            return plausible(d);
        }
        if (value instanceof LocalDateTime t) {
            return plausible(t.toLocalDate());
        }
        if (value instanceof OffsetDateTime t) {
            return plausible(t.toLocalDate());
        }
        if (value instanceof ZonedDateTime t) {
            return plausible(t.toLocalDate());
        }
        if (value instanceof Instant i) {
            return !i.isBefore(FIRST.atStartOfDay().toInstant(ZoneOffset.UTC))
                    && !i.isAfter(LAST.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        return true;
    }

    static boolean isTime(Class<?> type) {
        return type == LocalDate.class || type == LocalDateTime.class || type == OffsetDateTime.class
                || type == ZonedDateTime.class || type == Instant.class;
    }
}
