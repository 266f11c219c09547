package nl.regioinkoop.monitoring.forecast;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The methods there are, the one the dashboard, the budgets API and the overrun signal use, and its band. The choice
 * and the band are configuration, copied from the backtest's recorded result (deploy/bench/backtest.sh): the method
 * with the lower mean absolute percentage error, and its error at each month-end as a +/- share of the forecast.
 */
@Singleton
public class Forecasts {
    public static final List<ForecastMethod> METHODS = List.of(new RunRate(), new History());

    private final ForecastMethod chosen;
    private final List<BigDecimal> bandPercent;

    Forecasts(@Value("${monitoring.forecast.method:history}") String method,
              @Value("${monitoring.forecast.band-percent}") List<BigDecimal> bandPercent) {
        this.chosen = METHODS.stream().filter(m -> m.name().equals(method)).findFirst().orElseThrow(() ->
                new IllegalStateException("monitoring.forecast.method must be one of "
                        + METHODS.stream().map(ForecastMethod::name).toList() + ", not " + method));
        if (bandPercent.size() != 12) {
            throw new IllegalStateException("monitoring.forecast.band-percent needs one value per month-end, 12, not "
                    + bandPercent.size());
        }
        this.bandPercent = List.copyOf(bandPercent);
    }

    public ForecastMethod chosen() {
        return chosen;
    }

    /** The backtest's error of the chosen method at the month-end the facts are known through (0 once the year is). */
    public BigDecimal bandPercent(LocalDate knownThrough, int year) {
        if (!knownThrough.isBefore(LocalDate.of(year, 12, 31))) {
            return BigDecimal.ZERO;
        }
        return bandPercent.get(knownThrough.getYear() < year ? 0 : knownThrough.getMonthValue() - 1);
    }

    public static long band(long forecastCents, BigDecimal percent) {
        return ForecastMethod.cents(BigDecimal.valueOf(forecastCents).multiply(percent).movePointLeft(2));
    }
}
