package nl.regioinkoop.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dutch display of dates, money and codes, the same on every screen: "3 december 2026", "€ 1.234,56",
 * "45A48 · Ambulante jeugdhulp". Available in every view as {@code fmt}.
 */
public final class Format {
    public static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", DUTCH);

    /** "3 december 2026"; empty for no date. */
    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** "3 december 2026, 14:05" in Dutch time. */
    public String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(AMSTERDAM));
    }

    /** "€ 1.234,56" from cents; "-€ 12,00" below zero. */
    public String euros(long cents) {
        BigDecimal amount = BigDecimal.valueOf(cents).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
        String digits = decimal("#,##0.00").format(amount.abs());
        return (amount.signum() < 0 ? "-€ " : "€ ") + digits;
    }

    /** "€ 1.234,56" from a boxed amount of cents; empty when absent. */
    public String euros(Long cents) {
        return cents == null ? "" : euros(cents.longValue());
    }

    /** "1.234" (grouped, no decimals). */
    public String number(long value) {
        return decimal("#,##0").format(value);
    }

    /** "62,5 %" with one decimal. */
    public String percent(double value) {
        return decimal("0.0").format(value) + " %";
    }

    /** "45A48 · Ambulante jeugdhulp": a code is never shown without its name; the code alone when its name is unknown. */
    public String code(String code, String name) {
        if (code == null || code.isBlank()) {
            return name == null ? "" : name;
        }
        return name == null || name.isBlank() ? code : code + " · " + name;
    }

    /** "02 · Huisarts" (COD327). */
    public String referrerType(String code) {
        return code(code, Vocabulary.referrerType(code));
    }

    /** "AMBULANT · Ambulante jeugdhulp". */
    public String segment(String code) {
        return code(code, Vocabulary.segment(code));
    }

    /** "NORMALISED · Opgelost in het gewone leven". */
    public String outcome(String code) {
        return code(code, Vocabulary.outcome(code));
    }

    private static DecimalFormat decimal(String pattern) {
        // DecimalFormat is not thread-safe: a new one per call is cheap next to rendering a page
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(DUTCH));
    }
}
