package nl.regioinkoop.istandaarden;

/** Omvang: a volume in a unit (WJ756: 01 minute, 04 hour, 14 day, 16 day part, 82/84 piece, 83 euro) per frequency (WMO757: 1 day, 2 week, 4 month, 6 total). */
public record Extent(long volume, String unit, String frequency) {
}
