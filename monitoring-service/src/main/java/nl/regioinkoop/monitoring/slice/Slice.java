package nl.regioinkoop.monitoring.slice;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated slice: null means "all". The period is inclusive on both ends. {@link #allocationFilter} writes the
 * dimension filters as SQL on {@code allocation_fact a}.
 */
@Serdeable
public record Slice(String municipality, String segment, String profile, String provider, String referrerType,
                    LocalDate from, LocalDate to) {
    private static final Pattern MUNICIPALITY = Pattern.compile("\\d{4}");
    private static final Pattern AGB = Pattern.compile("\\d{8}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,60}");
    /** COD327; there is no 07. */
    public static final Set<String> REFERRER_TYPES = Set.of("01", "02", "03", "04", "05", "06", "08");

    static Slice parse(SliceParams p, LocalDate today) {
        List<Problem.Violation> violations = new ArrayList<>();
        check(violations, "municipality", p.municipality(), MUNICIPALITY.matcher(nz(p.municipality())).matches(),
                "must be a 4-digit CBS code such as 0988");
        check(violations, "segment", p.segment(), CODE.matcher(nz(p.segment())).matches(),
                "must be 1-60 letters, digits, '_', '-' or '.'");
        check(violations, "profile", p.profile(), CODE.matcher(nz(p.profile())).matches(),
                "must be 1-60 letters, digits, '_', '-' or '.'");
        check(violations, "provider", p.provider(), AGB.matcher(nz(p.provider())).matches(),
                "must be an 8-digit AGB code");
        check(violations, "referrerType", p.referrerType(), REFERRER_TYPES.contains(nz(p.referrerType())),
                "must be a COD327 referrer code: 01, 02, 03, 04, 05, 06 or 08");
        LocalDate from = date(violations, "from", p.from());
        LocalDate to = date(violations, "to", p.to());
        if (p.format() != null && !p.format().equals("json") && !p.format().equals("csv")) {
            violations.add(new Problem.Violation("format", "must be json or csv"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.get(0).field() + " " + violations.get(0).message()
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""),
                    violations.toArray(Problem.Violation[]::new));
        }
        if (from == null) {
            from = (to == null ? today : to).withDayOfYear(1);
        }
        if (to == null) {
            to = from.withMonth(12).withDayOfMonth(31);
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalid("the period ends (to " + to + ") before it starts (from " + from + ")",
                    new Problem.Violation("to", "must not be before from"));
        }
        if (from.plusYears(10).isBefore(to)) {
            throw ProblemException.invalid("a period can span at most 10 years",
                    new Problem.Violation("to", "must be within 10 years of from"));
        }
        return new Slice(p.municipality(), p.segment(), p.profile(), p.provider(), p.referrerType(), from, to);
    }

    public Slice withMunicipality(String code) {
        return new Slice(code, segment, profile, provider, referrerType, from, to);
    }

    public Slice withProvider(String agb) {
        return new Slice(municipality, segment, profile, agb, referrerType, from, to);
    }

    /** The region as a whole for the same segment, profile and period: the baseline a slice is compared with. */
    public Slice regionBaseline() {
        return new Slice(null, segment, profile, null, null, from, to);
    }

    /**
     * The dimension filters {@link #regionBaseline} drops (municipality, provider, referrer type) as one SQL condition
     * on allocation_fact a, {@code "true"} when there are none: lets one scan of the baseline also sum the slice.
     */
    public String beyondRegionBaseline(List<Object> params) {
        StringBuilder sql = new StringBuilder("true");
        add(sql, params, "a.municipality_code", municipality);
        add(sql, params, "a.provider_agb", provider);
        add(sql, params, "a.referrer_type", referrerType);
        return sql.toString();
    }

    /** The first of the month of {@code from}: spend is kept per month of the declared period. */
    public LocalDate fromMonth() {
        return from.withDayOfMonth(1);
    }

    /** " and ..." conditions on allocation_fact a for the dimension filters; adds their values to params. */
    public String allocationFilter(List<Object> params) {
        StringBuilder sql = new StringBuilder();
        add(sql, params, "a.municipality_code", municipality);
        add(sql, params, "a.segment", segment);
        add(sql, params, "a.profile", profile);
        add(sql, params, "a.provider_agb", provider);
        add(sql, params, "a.referrer_type", referrerType);
        return sql.toString();
    }

    /**
     * " and ..." for allocations that count in the period: valid in it, or (when monitoring has not seen the
     * allocation itself) with declarations in the months it spans.
     */
    public String inPeriod(List<Object> params) {
        params.add(to);
        params.add(from);
        params.add(to);
        params.add(fromMonth());
        return " " + """
                and a.status <> 'WITHDRAWN' and ((a.valid_from <= ? and coalesce(a.valid_to, date '9999-12-31') >= ?)
                  or (a.declared_from <= ? and a.declared_to >= ?))""";
    }

    private static void add(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void check(List<Problem.Violation> violations, String field, String value, boolean ok,
                              String message) {
        if (value != null && !ok) {
            violations.add(new Problem.Violation(field, message));
        }
    }

    private static LocalDate date(List<Problem.Violation> violations, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, "must be an ISO date such as 2026-01-31"));
            return null;
        }
    }
}
