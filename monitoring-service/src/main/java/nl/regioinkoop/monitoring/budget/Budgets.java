package nl.regioinkoop.monitoring.budget;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.monitoring.forecast.ForecastFacts;
import nl.regioinkoop.monitoring.forecast.ForecastMethod;
import nl.regioinkoop.monitoring.forecast.Forecasts;
import nl.regioinkoop.monitoring.forecast.History;
import nl.regioinkoop.monitoring.forecast.LineFacts;
import nl.regioinkoop.monitoring.forecast.RunRate;
import nl.regioinkoop.monitoring.slice.Money;
import nl.regioinkoop.monitoring.slice.Percent;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.sql.Db;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Budget lines (access-service's ledger: amount, committed, realised) with the forecast of year-end spend as of a
 * date, by the configured method ({@link Forecasts}); both methods' figures are shown beside it.
 */
@Singleton
public class Budgets {
    private static final RunRate RUN_RATE = new RunRate();
    private static final History HISTORY = new History();

    private final Db db;
    private final ForecastFacts facts;
    private final Forecasts forecasts;

    Budgets(Db db, ForecastFacts facts, Forecasts forecasts) {
        this.db = db;
        this.facts = facts;
        this.forecasts = forecasts;
    }

    public String assumption() {
        return forecasts.chosen().assumption();
    }

    public ForecastMethod method() {
        return forecasts.chosen();
    }

    public Forecasts forecasts() {
        return forecasts;
    }

    /** The budget lines of the year of the slice's start, for its municipality (or all) and segment (or all). */
    @Transactional(readOnly = true)
    public List<Line> lines(Slice slice, LocalDate asOf) {
        int year = slice.from().getYear();
        StringBuilder sql = new StringBuilder("""
                select b.municipality_code, b.budget_line, b.year, b.amount_cents, b.committed_cents, b.realised_cents,
                       b.overridden_cents
                from budget_line_view b where b.year = ?""");
        List<Object> params = new ArrayList<>(List.of(year));
        if (slice.municipality() != null) {
            sql.append(" and b.municipality_code = ?");
            params.add(slice.municipality());
        }
        if (slice.segment() != null) {
            sql.append(" and b.budget_line = ?");
            params.add(slice.segment());
        }
        sql.append(" order by b.municipality_code, b.budget_line");
        List<Ledger> ledger = db.query(sql.toString(), params, rs -> new Ledger(rs.getString(1), rs.getString(2),
                rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
        Map<ForecastFacts.LineKey, LineFacts> known = facts.of(year,
                ledger.stream().map(l -> new ForecastFacts.LineKey(l.municipality(), l.line())).toList(),
                slice.municipality(), slice.segment(), asOf);
        ForecastMethod chosen = forecasts.chosen();
        return ledger.stream().map(l -> {
            LineFacts f = known.get(new ForecastFacts.LineKey(l.municipality(), l.line()));
            long forecast = chosen.forecastCents(f);
            long band = Forecasts.band(forecast, forecasts.bandPercent(f.knownThrough(), year));
            return Line.of(l, f, chosen.name(), forecast, band, RUN_RATE.forecastCents(f), HISTORY.forecastCents(f));
        }).toList();
    }

    private record Ledger(String municipality, String line, int year, long amount, long committed, long realised,
                          long overridden) {
    }

    /**
     * One budget line. The ledger's figures (amount, committed, realised, remaining) are access-service's; the
     * forecast is the chosen {@code method}'s, with its band (the backtest's error at this month-end) and both
     * methods' figures beside it. {@code runRateCents}: the run-rate's extension of running care beyond its end
     * date to 31 December ({@code openAllocationsExtended} allocations); {@code realisedToDateCents}: declared months
     * through the month the forecast is known through, the forecast's starting point.
     */
    @Serdeable
    public record Line(String municipality, String budgetLine, int year, long amountCents, String amount,
                       long committedCents, String committed, long realisedCents, String realised,
                       long remainingCents, String remaining, long runRateCents, long openAllocationsExtended,
                       long forecastCents, String forecast, BigDecimal forecastShare, long overrunCents,
                       boolean forecastToOverrun, long overriddenCents, String method, long forecastBandCents,
                       String forecastBand, long forecastLowCents, long forecastHighCents, long runRateForecastCents,
                       long historyForecastCents, long realisedToDateCents, long runningAllocations,
                       BigDecimal realisationRatio, BigDecimal expectedNewAllocations) {
        static Line of(Ledger l, LineFacts f, String method, long forecast, long band, long runRate, long history) {
            long remaining = l.amount() - l.committed() - l.realised();
            long overrun = Math.max(0, forecast - l.amount());
            return new Line(l.municipality(), l.line(), l.year(), l.amount(), Money.euros(l.amount()), l.committed(),
                    Money.euros(l.committed()), l.realised(), Money.euros(l.realised()), remaining,
                    Money.euros(remaining), ForecastMethod.cents(f.runningExtensionCents()), f.extendedAllocations(),
                    forecast, Money.euros(forecast), Percent.share(forecast, l.amount()), overrun, overrun > 0,
                    l.overridden(), method, band, "± " + Money.euros(band), forecast - band, forecast + band,
                    runRate, history, f.realisedCents(), f.runningAllocations(),
                    f.realisationRatio().setScale(3, RoundingMode.HALF_UP),
                    f.expectedNewAllocations().setScale(1, RoundingMode.HALF_UP));
        }
    }
}
