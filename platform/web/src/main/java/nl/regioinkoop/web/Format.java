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

    /** "7,1" (a figure with this many decimals, Dutch comma). */
    public String decimal(double value, int decimals) {
        return decimal(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals)).format(value);
    }

    /** "62,5 %" with one decimal. */
    public String percent(double value) {
        return decimal("0.0").format(value) + " %";
    }

    /** "62,5 %" with one decimal, for a share computed exactly (a budget line's use). */
    public String percent(java.math.BigDecimal value) {
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

    /** "45 · Jeugdhulp ambulant" (JZ020 / WMO020). */
    public String category(String code) {
        return code(code, Vocabulary.category(code));
    }

    /**
     * "45A48 · Jeugdhulp ambulant": a product code with the name of its category (the region's product list names
     * no products of its own); the category is the code's first two characters when not given.
     */
    public String product(String code, String category) {
        String cat = category != null && !category.isBlank() ? category
                : code != null && code.length() >= 2 ? code.substring(0, 2) : null;
        return code(code, Vocabulary.category(cat));
    }

    /** "04 · uur" (WJ756). */
    public String unit(String code) {
        return code(code, Vocabulary.unit(code));
    }

    /** "2 · per week" (WMO757). */
    public String frequency(String code) {
        return code(code, Vocabulary.frequency(code));
    }

    /** "2 uur per week": a volume in its unit and frequency, in words. */
    public String extent(long volume, String unit, String frequency) {
        String u = Vocabulary.unit(unit);
        String f = Vocabulary.frequency(frequency);
        return number(volume) + " " + (u == null ? "× " + unit : u) + " " + (f == null ? "(" + frequency + ")" : f);
    }

    /** "31 · Levering is volgens plan beëindigd" (JZ588). */
    public String endReason(String code) {
        return code(code, Vocabulary.endReason(code));
    }

    /** "2 · Past niet binnen budget" (WJ759). */
    public String rejectionReason(String code) {
        return code(code, Vocabulary.rejectionReason(code));
    }

    /** "Onderwijs" (a family plan's domain; the code when it has no name). */
    public String domain(String code) {
        String name = Vocabulary.domain(code);
        return name == null ? code : name;
    }

    public String goalStatus(String code) {
        String name = Vocabulary.goalStatus(code);
        return name == null ? code : name;
    }

    public String allocationStatus(String code) {
        String name = Vocabulary.allocationStatus(code);
        return name == null ? code : name;
    }

    /** "0988 · Weert". */
    public String municipality(String code) {
        return code(code, Vocabulary.municipality(code));
    }

    /** "Jeugdhulp De Brug (AGB 41000012)"; "AGB 41000012" when the name is not known. */
    public String provider(String agb, String name) {
        if (agb == null || agb.isBlank()) {
            return name == null ? "" : name;
        }
        return name == null || name.isBlank() ? "AGB " + agb : name + " (AGB " + agb + ")";
    }

    /** The code lists for a form's select, as (code, name) pairs: {@code fmt.list('units')}. */
    public java.util.List<java.util.Map.Entry<String, String>> list(String name) {
        return Vocabulary.list(name);
    }

    /** "2026-10-05" for a date input's value; empty for none. */
    public String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static DecimalFormat decimal(String pattern) {
        // DecimalFormat is not thread-safe: a new one per call is cheap next to rendering a page
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(DUTCH));
    }
}
