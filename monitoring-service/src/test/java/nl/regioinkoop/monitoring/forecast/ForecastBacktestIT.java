package nl.regioinkoop.monitoring.forecast;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.regioinkoop.monitoring.sql.Db;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forecast backtest (prints, never judges the figures): the demo region's year, completed
 * ({@code nl.regioinkoop.local.demo.DemoYear} writes it as CSV), and two synthetic years ({@link SyntheticYears}),
 * written into the read models of their own database, then {@link Backtest} at every month-end. Off by default;
 * {@code deploy/bench/backtest.sh} runs it and keeps the JSON in deploy/bench/results/.
 */
@MicronautTest(transactional = false)
@EnabledIfSystemProperty(named = "monitoring.backtest", matches = "true")
class ForecastBacktestIT extends RealInfrastructure {
    static final long SEED = 2035L;

    @Inject
    ForecastFacts facts;
    @Inject
    Db db;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    JsonMapper json;

    @Override
    protected String databaseName() {
        return "monitoring_backtest";
    }

    @Serdeable
    record Report(String command, Instant ranAt, String demoSource, long syntheticSeed,
                  Map<String, BigDecimal> mapePercent, String lowerError, List<BigDecimal> bandPercentByMonthEnd,
                  List<Backtest.Result> dataSets) {
    }

    @Test
    void printsEachMethodsErrorAtEveryMonthEnd() throws IOException {
        Path demo = Path.of(System.getProperty("backtest.demo", "target/demo-year.csv"));
        assertTrue(Files.isRegularFile(demo), demo + " is written by DemoYear (deploy/bench/backtest.sh does that)");
        Path out = Path.of(System.getProperty("backtest.out", "target/backtest.json"));
        List<ForecastFacts.LineKey> demoLines = new ArrayList<>();
        List<ForecastFacts.LineKey> syntheticLines = new ArrayList<>();
        transactions.executeWrite(status -> {
            db.execute("truncate allocation_fact, spend_month, budget_line_view");
            loadDemo(demo, demoLines);
            loadSynthetic(syntheticLines);
            db.execute("analyze");
            return null;
        });
        List<Backtest.Result> results = List.of(
                Backtest.run(facts, "demo region Midden-Limburg West 2026", 2026, demoLines),
                Backtest.run(facts, "synthetic region " + SyntheticYears.YEAR + " (seasonal, inflow +40 % from July)",
                        SyntheticYears.YEAR, syntheticLines));

        // the decision: every (month-end January-November, line) pair of both years counts once
        Map<String, BigDecimal> combined = new LinkedHashMap<>();
        for (ForecastMethod method : Forecasts.METHODS) {
            combined.put(method.name(), Mape.percent(pairs(results, method.name(), 1, 11)));
        }
        String lower = combined.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<BigDecimal> band = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            band.add(Mape.percent(pairs(results, lower, month, month)));
        }

        StringBuilder table = new StringBuilder("\nFORECAST BACKTEST: mean absolute percentage error of the "
                + "year-end spend per budget line, by the month-end the forecast was made\n");
        for (Backtest.Result r : results) {
            table.append(String.format("%n%s: %d lines, year-end spend %s%n", r.dataSet(), r.lines(),
                    nl.regioinkoop.monitoring.slice.Money.euros(r.actualCents())));
            table.append(String.format("  %-10s", "month-end"));
            Forecasts.METHODS.forEach(m -> table.append(String.format("%12s", m.name())));
            table.append('\n');
            for (Backtest.MonthEnd m : r.monthEnds()) {
                table.append(String.format("  %-10s", m.date()));
                Forecasts.METHODS.forEach(x -> table.append(String.format("%11s%%", m.mapePercent().get(x.name()))));
                table.append('\n');
            }
            table.append(String.format("  %-10s", "Jan-Nov"));
            Forecasts.METHODS.forEach(x -> table.append(String.format("%11s%%", r.mapePercent().get(x.name()))));
            table.append("   lower: ").append(r.lowerError()).append('\n');
        }
        table.append("\nboth years, Jan-Nov: ").append(combined).append(" -> lower error: ").append(lower)
                .append("\nmonitoring.forecast.method: ").append(lower)
                .append("\nmonitoring.forecast.band-percent: ").append(band).append('\n');
        System.out.println(table);

        Report report = new Report("deploy/bench/backtest.sh", Instant.now(), demo.getFileName().toString(), SEED,
                combined, lower, band, results);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, json.writeValueAsString(report) + "\n");
        System.out.println("BACKTEST written to " + out.toAbsolutePath());
    }

    private static List<Mape.Pair> pairs(List<Backtest.Result> results, String method, int fromMonth, int toMonth) {
        List<Mape.Pair> pairs = new ArrayList<>();
        for (Backtest.Result r : results) {
            for (Backtest.MonthEnd m : r.monthEnds()) {
                int month = m.date().getMonthValue();
                if (month >= fromMonth && month <= toMonth) {
                    m.lines().forEach(l -> pairs.add(new Mape.Pair(l.forecastCents().get(method), l.actualCents())));
                }
            }
        }
        return pairs;
    }

    private void loadDemo(Path csv, List<ForecastFacts.LineKey> lines) {
        try {
            for (String row : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
                String[] c = row.split(",", -1);
                if (c[0].equals("allocation")) {
                    allocation(UUID.fromString(c[1]), c[2], c[3], LocalDate.parse(c[4]), LocalDate.parse(c[5]),
                            Long.parseLong(c[6]), null);
                    ForecastFacts.LineKey key = new ForecastFacts.LineKey(c[2], c[3]);
                    if (!lines.contains(key)) {
                        lines.add(key);
                    }
                } else {
                    spend(UUID.fromString(c[1]), LocalDate.parse(c[4]), Long.parseLong(c[6]));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        lines.sort(java.util.Comparator.comparing(ForecastFacts.LineKey::municipality)
                .thenComparing(ForecastFacts.LineKey::budgetLine));
    }

    private void loadSynthetic(List<ForecastFacts.LineKey> lines) {
        SyntheticYears years = new SyntheticYears(SEED);
        years.allocations.forEach(a -> allocation(a.id(), a.municipality(), a.line(), a.from(), a.to(),
                a.committedCents(), a.stopped()));
        years.spend.forEach(s -> spend(s.id(), s.month(), s.cents()));
        for (String m : SyntheticYears.MUNICIPALITIES) {
            SyntheticYears.LINES.forEach(l -> lines.add(new ForecastFacts.LineKey(m, l.code())));
        }
    }

    private void allocation(UUID id, String municipality, String line, LocalDate from, LocalDate to, long committed,
                            LocalDate stopped) {
        db.update("""
                insert into allocation_fact (allocation_id, municipality_code, segment, budget_line, valid_from,
                  valid_to, committed_cents, status, end_date, care_stop) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, municipality, line, line, from, to, committed, stopped == null ? "ACTIVE" : "ENDED", stopped,
                stopped);
    }

    private void spend(UUID id, LocalDate month, long cents) {
        db.update("""
                insert into spend_month (allocation_id, month, realised_cents, lines) values (?, ?, ?, 1)
                on conflict (allocation_id, month) do update set realised_cents = spend_month.realised_cents
                  + excluded.realised_cents""", id, month, cents);
    }
}
