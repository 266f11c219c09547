package nl.regioinkoop.monitoring.forecast;

import java.math.BigDecimal;

/**
 * Realised + the care running on the as-of date continued at its committed daily rate until 31 December: its
 * remaining validity within the year, and beyond its end date when that comes first (running care is often
 * extended). Care that ended before the as-of date is not extended; no new care is expected.
 */
public final class RunRate implements ForecastMethod {
    public static final String NAME = "run-rate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String assumption() {
        return "forecast = realised + run-rate; run-rate: every allocation still running on the as-of date continues "
                + "at its committed daily rate (committed amount / days of validity) until 31 December, also when its "
                + "validity ends before (it is assumed to be extended); care that ended before the as-of date is not "
                + "extended and no new allocations are expected";
    }

    @Override
    public long forecastCents(LineFacts facts) {
        return ForecastMethod.cents(BigDecimal.valueOf(facts.realisedCents()).add(facts.runningRestCents())
                .add(facts.runningExtensionCents()));
    }
}
