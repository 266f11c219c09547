package nl.regioinkoop.monitoring.budget;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.monitoring.slice.Money;
import nl.regioinkoop.monitoring.slice.Percent;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.sql.Db;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Budget lines with the forecast of year-end spend:
 * {@code forecast = realised + committed + run-rate of open allocations}, where the run-rate term continues every
 * open allocation on the line that ends before 31 December at its committed daily rate until the end of the year
 * (running care is usually extended). Committed is what open allocations may still cost within their validity.
 */
@Singleton
public class Budgets {
    public static final String ASSUMPTION = "forecast = realised + committed + run-rate; run-rate: every open "
            + "allocation on the line that ends before 31 December is assumed to be extended until 31 December at "
            + "its committed daily rate (committed amount / days of validity)";

    private final Db db;

    Budgets(Db db) {
        this.db = db;
    }

    /** The budget lines of the year of the slice's start, for its municipality (or all) and segment (or all). */
    @Transactional(readOnly = true)
    public List<Line> lines(Slice slice) {
        int year = slice.from().getYear();
        List<Object> params = new ArrayList<>();
        params.add(LocalDate.of(year, 12, 31));
        params.add(LocalDate.of(year, 1, 1));
        params.add(LocalDate.of(year, 12, 31));
        // one pass over the open allocations for every line at once (not one lookup per budget line)
        StringBuilder runRate = new StringBuilder("""
                select a.municipality_code, a.budget_line,
                       sum(a.committed_cents * (?::date - a.valid_to) / (a.valid_to - a.valid_from + 1)) as run_rate,
                       count(*) as open_allocations
                from allocation_fact a
                where a.status = 'ACTIVE' and a.valid_from <= a.valid_to and a.valid_to >= ? and a.valid_to < ?""");
        StringBuilder lines = new StringBuilder(" where b.year = ?");
        List<Object> lineParams = new ArrayList<>();
        lineParams.add(year);
        if (slice.municipality() != null) {
            runRate.append(" and a.municipality_code = ?");
            params.add(slice.municipality());
            lines.append(" and b.municipality_code = ?");
            lineParams.add(slice.municipality());
        }
        if (slice.segment() != null) {
            runRate.append(" and a.budget_line = ?");
            params.add(slice.segment());
            lines.append(" and b.budget_line = ?");
            lineParams.add(slice.segment());
        }
        params.addAll(lineParams);
        StringBuilder sql = new StringBuilder("""
                select b.municipality_code, b.budget_line, b.year, b.amount_cents, b.committed_cents, b.realised_cents,
                       b.overridden_cents, coalesce(r.run_rate, 0) as run_rate, coalesce(r.open_allocations, 0) as open_count
                from budget_line_view b
                left join (""").append(runRate).append(" group by 1, 2) r")
                .append(" on r.municipality_code = b.municipality_code and r.budget_line = b.budget_line")
                .append(lines);
        sql.append(" order by b.municipality_code, b.budget_line");
        return db.query(sql.toString(), params, rs -> Line.of(rs.getString(1), rs.getString(2), rs.getInt(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
    }

    @Serdeable
    public record Line(String municipality, String budgetLine, int year, long amountCents, String amount,
                       long committedCents, String committed, long realisedCents, String realised,
                       long remainingCents, String remaining, long runRateCents, long openAllocationsExtended,
                       long forecastCents, String forecast, BigDecimal forecastShare, long overrunCents,
                       boolean forecastToOverrun, long overriddenCents) {
        static Line of(String municipality, String line, int year, long amount, long committed, long realised,
                       long overridden, long runRate, long open) {
            long remaining = amount - committed - realised;
            long forecast = realised + committed + runRate;
            long overrun = Math.max(0, forecast - amount);
            return new Line(municipality, line, year, amount, Money.euros(amount), committed, Money.euros(committed),
                    realised, Money.euros(realised), remaining, Money.euros(remaining), runRate, open, forecast,
                    Money.euros(forecast), Percent.share(forecast, amount), overrun, overrun > 0, overridden);
        }
    }
}
