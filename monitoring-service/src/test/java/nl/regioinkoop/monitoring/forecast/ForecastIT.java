package nl.regioinkoop.monitoring.forecast;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.regioinkoop.monitoring.sql.Db;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both forecast methods on small data sets written straight into the read models (real PostgreSQL), as of
 * 30 June 2040, worked out by hand below; and the backtest's error on a line whose year is known.
 */
@MicronautTest(transactional = false)
class ForecastIT extends RealInfrastructure {
    static final LocalDate AS_OF = LocalDate.of(2040, 6, 30);
    static final ForecastFacts.LineKey HISTORY_LINE = new ForecastFacts.LineKey("7001", "HX");
    static final ForecastFacts.LineKey RUN_RATE_LINE = new ForecastFacts.LineKey("7001", "RR");

    @Inject
    ForecastFacts facts;
    @Inject
    Db db;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    EmbeddedServer server;

    @Override
    protected String databaseName() {
        return "monitoring_forecast";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("test.today", "2040-06-30", "monitoring.forecast.method", "history");
    }

    @BeforeAll
    void writeTheLines() {
        transactions.executeWrite(status -> {
            db.execute("truncate allocation_fact, spend_month, budget_line_view");
            // HX's previous year: 1 new allocation a month in January-June, 2 in July-December (seasonal indices
            // 2/3 and 4/3); nothing committed, so they count only as inflow
            for (int month = 1; month <= 12; month++) {
                for (int i = 0; i < (month <= 6 ? 1 : 2); i++) {
                    LocalDate day = LocalDate.of(2039, month, 1);
                    allocation("HX", day, day, 0, "ACTIVE", null);
                }
            }
            // five finished in January that declared 80 % of their commitment: the line's realisation ratio 0.8
            for (int i = 0; i < 5; i++) {
                UUID f = allocation("HX", d(1, 1), d(1, 31), 31_000, "ACTIVE", null);
                spend(f, d(1, 1), 24_800);
            }
            // running on 30 June: R1 1,000 a day until 30 September, R2 2,000 a day until 31 May 2041
            UUID r1 = allocation("HX", d(4, 1), d(9, 30), 183_000, "ACTIVE", null);
            spend(r1, d(4, 1), 30_000);
            spend(r1, d(5, 1), 31_000);
            spend(r1, d(6, 1), 30_000);
            UUID r2 = allocation("HX", d(6, 1), LocalDate.of(2041, 5, 31), 730_000, "ACTIVE", null);
            spend(r2, d(6, 1), 60_000);
            db.update("""
                    insert into budget_line_view (budget_line_id, municipality_code, year, budget_line, amount_cents)
                    values (?, '7001', 2040, 'HX', 1000000)""", UUID.randomUUID());

            // RR: care that ended in March, care stopped in March within a validity to 31 December, one running
            UUID ended = allocation("RR", d(1, 1), d(3, 31), 91_000, "ACTIVE", null);
            spend(ended, d(1, 1), 31_000);
            spend(ended, d(2, 1), 29_000);
            spend(ended, d(3, 1), 31_000);
            UUID stopped = allocation("RR", d(2, 1), d(12, 31), 335_000, "ENDED", d(3, 15));
            spend(stopped, d(2, 1), 29_000);
            spend(stopped, d(3, 1), 15_000);
            UUID running = allocation("RR", d(4, 1), d(9, 30), 183_000, "ACTIVE", null);
            spend(running, d(4, 1), 30_000);
            spend(running, d(5, 1), 31_000);
            spend(running, d(6, 1), 30_000);
            // what the rest of RR's year brought: the running care to its end, no new care
            spend(running, d(7, 1), 31_000);
            spend(running, d(8, 1), 31_000);
            spend(running, d(9, 1), 30_000);
            return null;
        });
    }

    @Test
    void theRunRateExtendsOnlyCareStillRunningOnTheAsOfDate() {
        LineFacts rr = facts.of(2040, List.of(RUN_RATE_LINE), null, null, AS_OF).get(RUN_RATE_LINE);
        assertEquals(AS_OF, rr.knownThrough());
        assertEquals(226_000, rr.realisedCents(), "91,000 + 44,000 + 91,000 declared January-June");
        assertEquals(1, rr.runningAllocations(), "the care that ended in March and the stopped care are not running");
        assertEquals(1, rr.extendedAllocations());
        // only the running one: 1,000 a day for July-September (92 days), extended October-December (92 days);
        // extending the March ones to 31 December would have added 275,000 and 291,000
        assertEquals(92_000, ForecastMethod.cents(rr.runningRestCents()));
        assertEquals(92_000, ForecastMethod.cents(rr.runningExtensionCents()));
        assertEquals(410_000, new RunRate().forecastCents(rr));
    }

    @Test
    void theHistoryMethodGivesTheHandComputedFigureToTheCent() {
        LineFacts hx = facts.of(2040, List.of(HISTORY_LINE), null, null, AS_OF).get(HISTORY_LINE);
        assertEquals(275_000, hx.realisedCents(), "5 x 24,800 + 91,000 + 60,000");
        assertEquals(460_000, ForecastMethod.cents(hx.runningRestCents()), "R1 92 days x 1,000 + R2 184 days x 2,000");
        assertEquals("0.8", hx.realisationRatio().stripTrailingZeros().toPlainString());
        assertEquals("line", hx.ratioBasis());
        assertTrue(hx.seasonal());
        // April-June brought 2 new allocations against indices 3 x 2/3: 1 a month, so 4/3 in each of July-December
        assertEquals("1", hx.newPerMonth().stripTrailingZeros().toPlainString());
        assertEquals(8, hx.expectedNewAllocations().setScale(6, java.math.RoundingMode.HALF_UP).intValue());
        // a new allocation starting on the 16th costs, within the year, the mean over the 7 recent ones of
        // daily rate x min(duration, days left): (5 x min(31, L) x 1,000 + min(183, L) x 1,000 + min(365, L) x 2,000) / 7
        // for L = 169, 138, 107, 77, 46, 16: (662,000 + 569,000 + 476,000 + 386,000 + 293,000 + 128,000) / 7 x 4/3
        //   = 10,056,000 / 21 = 478,857.14
        // forecast = 275,000 + 0.8 x (460,000 + 478,857.14) = 1,026,085.71
        assertEquals(1_026_086, new History().forecastCents(hx));
        // the run-rate beside it: 275,000 + 460,000 + R1 extended 92 days
        assertEquals(827_000, new RunRate().forecastCents(hx));
    }

    @Test
    void theBudgetsApiShowsTheChosenMethodItsBandAndBothFigures() {
        Api api = new Api(server.getURL().toString());
        Api.Response response = api.get("/api/v1/budgets?from=2040-01-01&asOf=2040-06-30",
                tokens.regionAnalyst("MLW"));
        assertEquals(200, response.status(), response.toString());
        Map<String, Object> view = response.json();
        assertEquals("history", view.get("method"));
        assertEquals("2040-06-30", view.get("knownThrough"));
        @SuppressWarnings("unchecked")
        Map<String, Object> line = ((List<Map<String, Object>>) view.get("lines")).get(0);
        assertEquals(1_026_086L, ((Number) line.get("forecastCents")).longValue());
        assertEquals(827_000L, ((Number) line.get("runRateForecastCents")).longValue());
        long band = ((Number) line.get("forecastBandCents")).longValue();
        assertTrue(band > 0, "the band of a June forecast: " + line);
        assertEquals(1_026_086L - band, ((Number) line.get("forecastLowCents")).longValue());
        assertEquals(true, line.get("forecastToOverrun"), "1,026,086 over an amount of 1,000,000");
        Api.Response bad = api.get("/api/v1/budgets?asOf=30-06-2040", tokens.regionAnalyst("MLW"));
        assertEquals(400, bad.status());
        assertTrue(bad.isProblem(), bad.toString());
    }

    @Test
    void theBacktestMeasuresTheErrorAgainstTheYearEnd() {
        Backtest.Result result = Backtest.run(facts, "test", 2040, List.of(RUN_RATE_LINE));
        // RR's year: 226,000 through June + 92,000 for July-September = 318,000, and nothing after
        assertEquals(318_000, result.actualCents());
        Backtest.MonthEnd june = result.monthEnds().get(5);
        assertEquals(AS_OF, june.date());
        assertEquals(410_000L, june.lines().get(0).forecastCents().get(RunRate.NAME));
        // |410,000 - 318,000| / 318,000 = 28.93 %
        assertEquals("28.9", june.mapePercent().get(RunRate.NAME).toPlainString());
        assertEquals("0.0", result.monthEnds().get(11).mapePercent().get(RunRate.NAME).toPlainString(),
                "on 31 December the year is known");
    }

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2040, month, day);
    }

    private UUID allocation(String line, LocalDate from, LocalDate to, long committed, String status,
                            LocalDate stopped) {
        UUID id = UUID.randomUUID();
        db.update("""
                insert into allocation_fact (allocation_id, municipality_code, segment, budget_line, valid_from,
                  valid_to, committed_cents, status, end_date, care_stop) values (?, '7001', ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, line, line, from, to, committed, status, stopped, stopped);
        return id;
    }

    private void spend(UUID allocation, LocalDate month, long cents) {
        db.update("insert into spend_month (allocation_id, month, realised_cents, lines) values (?, ?, ?, 1)",
                allocation, month, cents);
    }
}
