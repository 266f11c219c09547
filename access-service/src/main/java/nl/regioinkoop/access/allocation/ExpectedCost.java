package nl.regioinkoop.access.allocation;

import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * What an allocation is expected to cost over its period. P×Q: tariff × volume × the number of frequency periods
 * in the validity, counted exactly (days; days / 7 for weeks; per calendar month the share of its days covered).
 * OUTPUT: the trajectory price for the profile × intensity. LUMP_SUM and other models: no per-client cost.
 */
final class ExpectedCost {
    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private ExpectedCost() {
    }

    static long of(String fundingModel, long tariffCents, long volume, String frequency, LocalDate from, LocalDate to) {
        return switch (fundingModel) {
            case "PXQ" -> {
                BigDecimal cents = BigDecimal.valueOf(tariffCents).multiply(units(volume, frequency, from, to))
                        .setScale(0, RoundingMode.HALF_UP);
                // a volume no budget could hold must be refused as input, not fail as an overflow (500)
                if (cents.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                    throw ProblemException.invalid("volume " + volume + " over this period at " + tariffCents
                                    + " cents a unit costs more than can be counted",
                            new Problem.Violation("volume", "too large"));
                }
                yield cents.longValueExact();
            }
            case "OUTPUT" -> tariffCents;
            default -> 0;
        };
    }

    /** The units delivered over [from, to], both inclusive. */
    static BigDecimal units(long volume, String frequency, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        BigDecimal periods = switch (frequency) {
            case "1" -> BigDecimal.valueOf(days);
            case "2" -> BigDecimal.valueOf(days).divide(BigDecimal.valueOf(7), PRECISION);
            case "4" -> months(from, to);
            case "6" -> BigDecimal.ONE;
            default -> throw new IllegalArgumentException("unknown WMO757 frequency " + frequency);
        };
        return periods.multiply(BigDecimal.valueOf(volume));
    }

    private static BigDecimal months(LocalDate from, LocalDate to) {
        BigDecimal total = BigDecimal.ZERO;
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            LocalDate start = from.isAfter(m.atDay(1)) ? from : m.atDay(1);
            LocalDate end = to.isBefore(m.atEndOfMonth()) ? to : m.atEndOfMonth();
            long covered = ChronoUnit.DAYS.between(start, end) + 1;
            total = total.add(BigDecimal.valueOf(covered).divide(BigDecimal.valueOf(m.lengthOfMonth()), PRECISION));
        }
        return total;
    }
}
