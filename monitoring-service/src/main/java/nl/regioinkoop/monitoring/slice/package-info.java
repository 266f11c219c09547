/** What every figure is sliced by (municipality, segment, profile, provider, referrer type, period), who may see which slice, and how figures are written (JSON, CSV, euros, percentages). */
package nl.regioinkoop.monitoring.slice;
