package nl.regioinkoop.monitoring.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What is known about one budget line (municipality x line x year) on {@code asOf}; spend is known for the declared
 * months through {@code knownThrough} (the last month complete on the as-of date). Amounts in cents; the terms that
 * come from rates and ratios stay BigDecimal here and are rounded once, by the method.
 *
 * @param realisedCents         accepted declarations of the line's allocations for months through knownThrough
 * @param runningAllocations    allocations known on asOf whose care has not ended by knownThrough
 * @param runningRestCents      their committed daily rate x their days of validity left in the year
 * @param runningExtensionCents their committed daily rate x the days from their end to 31 December, when it comes first
 * @param extendedAllocations   how many running allocations end before 31 December
 * @param realisationRatio      declared / committed of the line's allocations finished in the year up to knownThrough
 *                              (the region's for the same line when the line has fewer than a few; 1 when none)
 * @param ratioBasis            "line", "region" or "none": where the ratio comes from
 * @param newPerMonth           expected new allocations a month (de-seasonalised level of the recent months)
 * @param seasonal              whether a previous year gave the months' seasonal indices
 * @param expectedNewAllocations expected new allocations in the months left
 * @param newInflowCents        their expected cost within the year (average of recent new allocations), before the ratio
 */
public record LineFacts(String municipality, String budgetLine, int year, LocalDate asOf, LocalDate knownThrough,
                        long realisedCents, long runningAllocations, BigDecimal runningRestCents,
                        BigDecimal runningExtensionCents, long extendedAllocations, BigDecimal realisationRatio,
                        String ratioBasis, BigDecimal newPerMonth, boolean seasonal,
                        BigDecimal expectedNewAllocations, BigDecimal newInflowCents) {
}
