package nl.regioinkoop.monitoring.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Two synthetic years of a region of two municipalities (9901, 9902) and three lines, deterministic from a seed:
 * new allocations arrive per month with a seasonal pattern (a summer dip, a peak after the summer), and in the
 * second year the inflow rises by 40 % from July; a fifth of the care stops early, between 30 % and 90 % of its
 * planned days, so commitments are not all declared. The first year is history; the second is backtested.
 */
final class SyntheticYears {
    static final int HISTORY_YEAR = 2034;
    static final int YEAR = 2035;
    static final double[] SEASON = {1.2, 1.1, 1.0, 1.0, 0.9, 0.7, 0.5, 0.8, 1.3, 1.2, 1.1, 1.2};
    static final double SECOND_HALF_CHANGE = 1.4;

    record Line(String code, double perMonth, long dailyCents, int minDays, int maxDays) {
    }

    static final List<Line> LINES = List.of(
            new Line("SYN_AMBULANT", 40, 1_500, 60, 240),
            new Line("SYN_HOUSING", 6, 15_000, 90, 360),
            new Line("SYN_CRISIS", 2, 45_000, 14, 30));
    static final String[] MUNICIPALITIES = {"9901", "9902"};
    static final double[] MUNICIPALITY_SHARE = {0.6, 0.4};

    record Allocation(UUID id, String municipality, String line, LocalDate from, LocalDate to, long committedCents,
                      LocalDate stopped) {
    }

    record Spend(UUID id, LocalDate month, long cents) {
    }

    final List<Allocation> allocations = new ArrayList<>();
    final List<Spend> spend = new ArrayList<>();

    SyntheticYears(long seed) {
        Random random = new Random(seed);
        for (int year = HISTORY_YEAR; year <= YEAR; year++) {
            for (int month = 1; month <= 12; month++) {
                double change = year == YEAR && month >= 7 ? SECOND_HALF_CHANGE : 1.0;
                for (int m = 0; m < MUNICIPALITIES.length; m++) {
                    for (Line line : LINES) {
                        int n = poisson(random, line.perMonth() * MUNICIPALITY_SHARE[m] * SEASON[month - 1] * change);
                        for (int i = 0; i < n; i++) {
                            add(random, MUNICIPALITIES[m], line, YearMonth.of(year, month));
                        }
                    }
                }
            }
        }
    }

    private void add(Random random, String municipality, Line line, YearMonth month) {
        LocalDate from = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
        int days = line.minDays() + random.nextInt(line.maxDays() - line.minDays() + 1);
        LocalDate to = from.plusDays(days - 1);
        // daily rates differ per client: 70 % to 130 % of the line's
        long daily = Math.round(line.dailyCents() * (0.7 + 0.6 * random.nextDouble()));
        LocalDate stopped = null;
        LocalDate last = to;
        if (random.nextDouble() < 0.2) {
            stopped = from.plusDays(Math.round(days * (0.3 + 0.6 * random.nextDouble())));
            last = stopped;
        }
        UUID id = new UUID(random.nextLong(), random.nextLong());
        allocations.add(new Allocation(id, municipality, line.code(), from, to, daily * days, stopped));
        for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(last); m = m.plusMonths(1)) {
            LocalDate start = from.isAfter(m.atDay(1)) ? from : m.atDay(1);
            LocalDate end = last.isBefore(m.atEndOfMonth()) ? last : m.atEndOfMonth();
            spend.add(new Spend(id, m.atDay(1), daily * (ChronoUnit.DAYS.between(start, end) + 1)));
        }
    }

    /** Knuth's method: fine for the small means here. */
    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }
}
