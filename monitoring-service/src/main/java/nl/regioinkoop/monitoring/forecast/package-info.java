/**
 * Forecast of year-end spend per budget line as of a date, by interchangeable methods ({@link
 * nl.regioinkoop.monitoring.forecast.ForecastMethod}): the facts known on that date are read once ({@link
 * nl.regioinkoop.monitoring.forecast.ForecastFacts}), each method turns them into euros, and the backtest's error
 * ({@link nl.regioinkoop.monitoring.forecast.Mape}) decides which one the dashboard shows.
 */
package nl.regioinkoop.monitoring.forecast;
