/** The market: concentration of spend (top 3, top 10, HHI) and providers per area. */
package nl.regioinkoop.monitoring.market;
