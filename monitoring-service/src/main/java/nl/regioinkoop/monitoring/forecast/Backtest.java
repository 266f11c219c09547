package nl.regioinkoop.monitoring.forecast;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each method's forecast of every line's year-end spend made at each month-end with only what was known then
 * ({@link ForecastFacts}), against the year-end spend itself (the facts known through 31 December), and the mean
 * absolute percentage error per method: per month-end, and over January to November (on 31 December every method
 * is exact by construction).
 */
public final class Backtest {
    private Backtest() {
    }

    @Serdeable
    public record LineResult(String municipality, String budgetLine, long actualCents,
                             Map<String, Long> forecastCents) {
    }

    @Serdeable
    public record MonthEnd(LocalDate date, Map<String, BigDecimal> mapePercent, List<LineResult> lines) {
    }

    @Serdeable
    public record Result(String dataSet, int year, int lines, long actualCents, Map<String, BigDecimal> mapePercent,
                         String lowerError, List<MonthEnd> monthEnds) {
    }

    public static Result run(ForecastFacts facts, String dataSet, int year, List<ForecastFacts.LineKey> lines) {
        Map<ForecastFacts.LineKey, LineFacts> yearEnd = facts.of(year, lines, null, null, LocalDate.of(year, 12, 31));
        List<MonthEnd> monthEnds = new ArrayList<>();
        Map<String, List<Mape.Pair>> overall = new LinkedHashMap<>();
        for (int month = 1; month <= 12; month++) {
            LocalDate date = YearMonth.of(year, month).atEndOfMonth();
            Map<ForecastFacts.LineKey, LineFacts> known = facts.of(year, lines, null, null, date);
            Map<String, List<Mape.Pair>> pairs = new LinkedHashMap<>();
            List<LineResult> results = new ArrayList<>();
            for (ForecastFacts.LineKey line : lines) {
                long actual = yearEnd.get(line).realisedCents();
                Map<String, Long> forecasts = new LinkedHashMap<>();
                for (ForecastMethod method : Forecasts.METHODS) {
                    long forecast = method.forecastCents(known.get(line));
                    forecasts.put(method.name(), forecast);
                    pairs.computeIfAbsent(method.name(), k -> new ArrayList<>()).add(new Mape.Pair(forecast, actual));
                    if (month < 12) {
                        overall.computeIfAbsent(method.name(), k -> new ArrayList<>())
                                .add(new Mape.Pair(forecast, actual));
                    }
                }
                results.add(new LineResult(line.municipality(), line.budgetLine(), actual, forecasts));
            }
            Map<String, BigDecimal> mape = new LinkedHashMap<>();
            pairs.forEach((method, list) -> mape.put(method, Mape.percent(list)));
            monthEnds.add(new MonthEnd(date, mape, results));
        }
        Map<String, BigDecimal> mape = new LinkedHashMap<>();
        overall.forEach((method, list) -> mape.put(method, Mape.percent(list)));
        String lower = mape.entrySet().stream().filter(e -> e.getValue() != null)
                .min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        long actual = lines.stream().mapToLong(l -> yearEnd.get(l).realisedCents()).sum();
        return new Result(dataSet, year, lines.size(), actual, mape, lower, monthEnds);
    }
}
