package nl.regioinkoop.monitoring.forecast;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.monitoring.sql.Db;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads, for the budget lines of one year, what the read models knew on an as-of date: allocations with
 * {@code valid_from <= asOf} (as they are now: the read model keeps no history of changes), and spend of declared
 * months through the last month complete on that date. The statistics (realisation ratio, seasonality, cost of a
 * new allocation) are the region's: they ignore the municipality filter. Five grouped queries over the line's year
 * and the one before, whatever the number of lines.
 */
@Singleton
public class ForecastFacts {
    /** Months of recent inflow the level of new allocations is taken from. */
    static final int RECENT_MONTHS = 3;
    /** Finished allocations a line needs before its own realisation ratio is used (else the region's line). */
    static final int MIN_FINISHED = 5;
    private static final MathContext MATH = MathContext.DECIMAL64;
    private static final String CARE_END =
            "least(a.valid_to, coalesce(a.end_date, a.valid_to), coalesce(a.care_stop, a.valid_to))";

    private final Db db;

    public ForecastFacts(Db db) {
        this.db = db;
    }

    public record LineKey(String municipality, String budgetLine) {
    }

    /** The last day whose declarations count as known on {@code asOf}: the end of the last complete month. */
    public static LocalDate knownThrough(LocalDate asOf, int year) {
        LocalDate completeMonth = asOf.equals(asOf.withDayOfMonth(asOf.lengthOfMonth())) ? asOf
                : asOf.withDayOfMonth(1).minusDays(1);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        return completeMonth.isAfter(yearEnd) ? yearEnd : completeMonth;
    }

    @Transactional(readOnly = true)
    public Map<LineKey, LineFacts> of(int year, List<LineKey> lines, @Nullable String municipality,
                                      @Nullable String budgetLine, LocalDate asOf) {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        LocalDate dec31 = LocalDate.of(year, 12, 31);
        LocalDate known = knownThrough(asOf, year);
        LocalDate seen = asOf.isAfter(dec31) ? dec31 : asOf;

        Map<LineKey, Long> realised = new HashMap<>();
        List<Object> p = new ArrayList<>(List.of(jan1, dec31, known));
        db.query("""
                select a.municipality_code, a.budget_line, sum(s.realised_cents)
                from allocation_fact a join spend_month s on s.allocation_id = a.allocation_id
                where a.valid_from between ? and ? and s.month <= ?""" + filter(p, municipality, budgetLine)
                + " group by 1, 2", p, rs -> realised.put(key(rs), rs.getLong(3)));

        Map<LineKey, Object[]> running = new HashMap<>();
        p = new ArrayList<>(List.of(dec31, known, dec31, dec31, dec31, jan1, seen, known, known, known));
        db.query("""
                select a.municipality_code, a.budget_line, count(*),
                  sum(a.committed_cents::numeric * (least(a.valid_to, ?::date) - greatest(?::date + 1, a.valid_from) + 1)
                      / (a.valid_to - a.valid_from + 1)),
                  sum(case when a.valid_to < ?::date
                      then a.committed_cents::numeric * (?::date - a.valid_to) / (a.valid_to - a.valid_from + 1)
                      else 0 end),
                  count(*) filter (where a.valid_to < ?::date)
                from allocation_fact a
                where a.valid_from between ? and ? and a.valid_to > ? and a.valid_from <= a.valid_to
                  and a.status <> 'WITHDRAWN' and (a.end_date is null or a.end_date > ?)
                  and (a.care_stop is null or a.care_stop > ?)""" + filter(p, municipality, budgetLine)
                + " group by 1, 2", p, rs -> running.put(key(rs),
                new Object[]{rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getLong(6)}));

        // realisation: finished in the twelve months up to what is known, every municipality
        Map<LineKey, long[]> finished = new HashMap<>();
        p = new ArrayList<>(List.of(known, known.minusYears(2), known, known.minusDays(364), known));
        db.query("""
                select a.municipality_code, a.budget_line, count(*), sum(a.committed_cents), sum(coalesce(d.declared, 0))
                from allocation_fact a
                left join lateral (select sum(s.realised_cents) as declared from spend_month s
                                   where s.allocation_id = a.allocation_id and s.month <= ?) d on true
                where a.valid_from <= a.valid_to and a.status <> 'WITHDRAWN' and a.committed_cents > 0
                  and a.valid_from between ? and ? and""" + " " + CARE_END + " between ? and ?"
                + filter(p, null, budgetLine)
                + " group by 1, 2", p, rs -> finished.put(key(rs),
                new long[]{rs.getLong(3), rs.getLong(4), rs.getLong(5)}));

        // new allocations per month since the start of the previous year (seasonality), every municipality
        Map<LineKey, Map<YearMonth, Long>> inflow = new HashMap<>();
        p = new ArrayList<>(List.of(jan1.minusYears(1), seen));
        db.query("""
                select a.municipality_code, a.budget_line, date_trunc('month', a.valid_from)::date, count(*)
                from allocation_fact a
                where a.valid_from between ? and ? and a.valid_from <= a.valid_to and a.status <> 'WITHDRAWN'"""
                + filter(p, null, budgetLine) + " group by 1, 2, 3", p, rs -> inflow
                .computeIfAbsent(key(rs), k -> new HashMap<>())
                .put(YearMonth.from(rs.getDate(3).toLocalDate()), rs.getLong(4)));
        // where a line's history starts (within the two years read): months before it are no data, not no inflow
        Map<String, YearMonth> firstMonth = new HashMap<>();
        inflow.forEach((line, months) -> months.keySet().forEach(m -> firstMonth.merge(line.budgetLine(), m,
                (x, y) -> x.isBefore(y) ? x : y)));

        // the cost of a new allocation: committed and count per line and planned duration, of the last twelve months
        Map<String, Map<Long, long[]>> durations = new HashMap<>();
        p = new ArrayList<>(List.of(known.minusDays(365), known));
        db.query("""
                select a.budget_line, a.valid_to - a.valid_from + 1, count(*), sum(a.committed_cents)
                from allocation_fact a
                where a.valid_from > ? and a.valid_from <= ? and a.valid_from <= a.valid_to
                  and a.status <> 'WITHDRAWN' and a.committed_cents > 0 and a.budget_line is not null"""
                + filter(p, null, budgetLine) + " group by 1, 2", p, rs -> durations
                .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                .put(rs.getLong(2), new long[]{rs.getLong(3), rs.getLong(4)}));

        Map<LineKey, LineFacts> facts = new HashMap<>();
        for (LineKey line : lines) {
            Object[] run = running.getOrDefault(line, new Object[]{0L, BigDecimal.ZERO, BigDecimal.ZERO, 0L});
            Ratio ratio = ratio(line, finished);
            Inflow expected = inflow(line, year, known, firstMonth.get(line.budgetLine()), inflow,
                    durations.get(line.budgetLine()));
            facts.put(line, new LineFacts(line.municipality(), line.budgetLine(), year, asOf, known,
                    realised.getOrDefault(line, 0L), (Long) run[0], nz((BigDecimal) run[1]), nz((BigDecimal) run[2]),
                    (Long) run[3], ratio.value(), ratio.basis(), expected.perMonth(), expected.seasonal(),
                    expected.allocations(), expected.cents()));
        }
        return facts;
    }

    private record Ratio(BigDecimal value, String basis) {
    }

    private static Ratio ratio(LineKey line, Map<LineKey, long[]> finished) {
        long[] own = finished.get(line);
        if (own != null && own[0] >= MIN_FINISHED && own[1] > 0) {
            return new Ratio(BigDecimal.valueOf(own[2]).divide(BigDecimal.valueOf(own[1]), MATH), "line");
        }
        long count = 0;
        long committed = 0;
        long declared = 0;
        for (Map.Entry<LineKey, long[]> e : finished.entrySet()) {
            if (e.getKey().budgetLine() != null && e.getKey().budgetLine().equals(line.budgetLine())) {
                count += e.getValue()[0];
                committed += e.getValue()[1];
                declared += e.getValue()[2];
            }
        }
        if (count >= MIN_FINISHED && committed > 0) {
            return new Ratio(BigDecimal.valueOf(declared).divide(BigDecimal.valueOf(committed), MATH), "region");
        }
        return new Ratio(BigDecimal.ONE, "none");
    }

    private record Inflow(BigDecimal perMonth, boolean seasonal, BigDecimal allocations, BigDecimal cents) {
    }

    private static Inflow inflow(LineKey line, int year, LocalDate known, YearMonth dataStart,
                                 Map<LineKey, Map<YearMonth, Long>> inflow, Map<Long, long[]> durations) {
        BigDecimal[] season = seasonality(line.budgetLine(), year, dataStart, inflow);
        boolean seasonal = season != null;
        if (season == null) {
            season = new BigDecimal[12];
            java.util.Arrays.fill(season, BigDecimal.ONE);
        }
        Map<YearMonth, Long> own = inflow.getOrDefault(line, Map.of());
        YearMonth last = YearMonth.from(known);
        long recent = 0;
        BigDecimal weight = BigDecimal.ZERO;
        int months = 0;
        for (YearMonth m = last.minusMonths(RECENT_MONTHS - 1); !m.isAfter(last); m = m.plusMonths(1)) {
            if (dataStart == null || m.isBefore(dataStart)) {
                continue; // before the read models hold anything: not a month without inflow
            }
            recent += own.getOrDefault(m, 0L);
            weight = weight.add(season[m.getMonthValue() - 1]);
            months++;
        }
        BigDecimal perMonth = months == 0 ? BigDecimal.ZERO
                : weight.signum() > 0 ? BigDecimal.valueOf(recent).divide(weight, MATH)
                : BigDecimal.valueOf(recent).divide(BigDecimal.valueOf(months), MATH);
        BigDecimal allocations = BigDecimal.ZERO;
        BigDecimal cents = BigDecimal.ZERO;
        LocalDate dec31 = LocalDate.of(year, 12, 31);
        YearMonth first = last.plusMonths(1).getYear() < year ? YearMonth.of(year, 1) : last.plusMonths(1);
        for (YearMonth m = first; m.getYear() == year; m = m.plusMonths(1)) {
            BigDecimal expected = perMonth.multiply(season[m.getMonthValue() - 1], MATH);
            if (m.equals(first)) {
                // allocations of this month already known on the as-of date are running care, not new inflow
                expected = expected.subtract(BigDecimal.valueOf(own.getOrDefault(m, 0L))).max(BigDecimal.ZERO);
            }
            long daysLeft = ChronoUnit.DAYS.between(m.atDay(16), dec31) + 1;
            allocations = allocations.add(expected);
            cents = cents.add(expected.multiply(costWithin(durations, daysLeft), MATH));
        }
        return new Inflow(perMonth, seasonal, allocations, cents);
    }

    /**
     * Seasonal index per calendar month from the line's previous year in the whole region; null without a whole
     * previous year (its history must start by January of that year).
     */
    private static BigDecimal[] seasonality(String budgetLine, int year, YearMonth dataStart,
                                            Map<LineKey, Map<YearMonth, Long>> inflow) {
        if (dataStart == null || dataStart.isAfter(YearMonth.of(year - 1, 1))) {
            return null;
        }
        long[] counts = new long[12];
        long total = 0;
        for (Map.Entry<LineKey, Map<YearMonth, Long>> e : inflow.entrySet()) {
            if (e.getKey().budgetLine() == null || !e.getKey().budgetLine().equals(budgetLine)) {
                continue;
            }
            for (Map.Entry<YearMonth, Long> month : e.getValue().entrySet()) {
                if (month.getKey().getYear() == year - 1) {
                    counts[month.getKey().getMonthValue() - 1] += month.getValue();
                    total += month.getValue();
                }
            }
        }
        if (total == 0) {
            return null;
        }
        BigDecimal[] season = new BigDecimal[12];
        for (int i = 0; i < 12; i++) {
            season[i] = BigDecimal.valueOf(counts[i] * 12).divide(BigDecimal.valueOf(total), MATH);
        }
        return season;
    }

    /** Mean over recent new allocations of (committed daily rate x min(duration, daysLeft)). */
    static BigDecimal costWithin(Map<Long, long[]> durations, long daysLeft) {
        if (durations == null || durations.isEmpty()) {
            return BigDecimal.ZERO;
        }
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<Long, long[]> e : durations.entrySet()) {
            long days = e.getKey();
            count += e.getValue()[0];
            BigDecimal committed = BigDecimal.valueOf(e.getValue()[1]);
            sum = sum.add(days <= daysLeft ? committed
                    : committed.multiply(BigDecimal.valueOf(daysLeft)).divide(BigDecimal.valueOf(days), MATH));
        }
        return sum.divide(BigDecimal.valueOf(count), MATH);
    }

    private static String filter(List<Object> params, String municipality, String budgetLine) {
        StringBuilder sql = new StringBuilder();
        if (municipality != null) {
            sql.append(" and a.municipality_code = ?");
            params.add(municipality);
        }
        if (budgetLine != null) {
            sql.append(" and a.budget_line = ?");
            params.add(budgetLine);
        }
        return sql.toString();
    }

    private static LineKey key(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LineKey(rs.getString(1), rs.getString(2));
    }

    private static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
