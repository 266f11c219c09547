/** The pyramid: clients and spend per segment, counts and shares. */
package nl.regioinkoop.monitoring.pyramid;
