package nl.regioinkoop.monitoring.forecast;

import java.math.BigDecimal;

/**
 * Realised + what the running allocations will still cost within the year, scaled by how much of a commitment the
 * line's finished allocations actually declared, + the new allocations expected in the months left (the recent
 * months' inflow, with the previous year's seasonality where there is one) at the cost a recent new allocation of
 * the line had within the same number of days, scaled the same way.
 */
public final class History implements ForecastMethod {
    public static final String NAME = "history";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String assumption() {
        return "forecast = realised + ratio x (committed rest of the running allocations within the year + expected "
                + "new allocations x their cost within the year); ratio: declared / committed of the line's finished "
                + "allocations; new allocations: the last 3 months' inflow per month, with the previous year's "
                + "seasonality where there is one; their cost: the average of the line's recent new allocations "
                + "(daily rate x their duration, cut at 31 December)";
    }

    @Override
    public long forecastCents(LineFacts facts) {
        BigDecimal rest = facts.runningRestCents().add(facts.newInflowCents()).multiply(facts.realisationRatio());
        return ForecastMethod.cents(BigDecimal.valueOf(facts.realisedCents()).add(rest));
    }
}
