package nl.regioinkoop.bench;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness's own logic: percentiles, the count-based end-to-end latency, test BSNs, declaration lines, options. */
class HarnessTest {
    private static final long MS = 1_000_000;

    @Test
    void percentilesAreNearestRankSamplesThatReallyHappened() {
        Latencies latencies = new Latencies();
        for (int i = 100; i >= 1; i--) {
            latencies.record(i * MS);
        }
        assertEquals(50.0, latencies.percentileMillis(50));
        assertEquals(95.0, latencies.percentileMillis(95));
        assertEquals(99.0, latencies.percentileMillis(99));
        assertEquals(100.0, latencies.percentileMillis(100));
        assertEquals(100.0, latencies.maxMillis());
        Latencies three = new Latencies();
        three.record(1 * MS);
        three.record(2 * MS);
        three.record(30 * MS);
        assertEquals(30.0, three.percentileMillis(95), "rank ceil(0.95 * 3) = 3");
        assertTrue(Double.isNaN(new Latencies().percentileMillis(50)));
        assertThrows(IllegalArgumentException.class, () -> latencies.percentileMillis(0));
    }

    @Test
    void theIthAcceptedAllocationIsVisibleAtTheFirstPollShowingICountsAboveTheBaseline() {
        Visibility visibility = new Visibility();
        visibility.observed(10 * MS, 7);
        visibility.observed(20 * MS, 8);
        visibility.observed(30 * MS, 7);  // a stale read after a higher count changes nothing
        visibility.observed(40 * MS, 10);
        Latencies latencies = visibility.latencies(new long[]{12 * MS, 5 * MS, 6 * MS, 35 * MS}, 7);
        assertEquals(3, latencies.count(), "the fourth allocation (count 11) was never seen");
        // sorted acceptances 5, 6, 12 ms; seen at 20 (count 1), 40 (count 3), 40: latencies 15, 34, 28
        assertEquals(15.0, latencies.percentileMillis(1));
        assertEquals(28.0, latencies.percentileMillis(66));
        assertEquals(34.0, latencies.maxMillis());
    }

    @Test
    void testBsnsPassTheElfproefAndStayClearOfTheDemoRegionsEnd() {
        List<String> bsns = Bsns.fromTop(50);
        assertEquals(50, bsns.size());
        assertEquals(50, bsns.stream().distinct().count());
        bsns.forEach(b -> assertTrue(Bsns.passesElfproef(b) && b.startsWith("9999"), b));
        assertTrue(bsns.get(0).compareTo(bsns.get(49)) > 0, "counted down from the top");
        assertTrue(Bsns.passesElfproef("999900006"));
    }

    @Test
    void declarationLinesCoverWholeMonthsOfTheValidityThatEndedBeforeToday() {
        List<DeclarationIngestion.Line> lines = DeclarationIngestion.lines(List.of("a", "b"), 10, LocalDate.of(2026, 4, 15));
        assertEquals(6, lines.size(), "January to March for each allocation; April has not ended");
        DeclarationIngestion.Line january = lines.get(0);
        assertEquals(LocalDate.of(2026, 1, 5), january.from(), "the validity starts on 5 January");
        assertEquals(LocalDate.of(2026, 1, 31), january.to());
        assertEquals(27 * 2 / 7, january.units());
        assertEquals(31 * 2 / 7, lines.get(2).units());
        long total = DeclarationIngestion.lines(List.of("a"), 12, LocalDate.of(2027, 1, 1)).stream()
                .mapToLong(DeclarationIngestion.Line::units).sum();
        long allocated = 2 * (java.time.temporal.ChronoUnit.DAYS.between(AllocationFlow.VALID_FROM,
                AllocationFlow.VALID_TO) + 1) / 7;
        assertTrue(total <= allocated, "never more than the allocated volume: " + total + " of " + allocated);
    }

    @Test
    void optionsComeFromArgumentsElseDefaultsAndUnknownOnesAreRefused() {
        Options options = new Options(new String[]{"p2.journeys=500", "--large.clients=0"});
        assertEquals(500, options.integer("p2.journeys"));
        assertEquals(0, options.integer("large.clients"));
        assertEquals(8, options.integer("p2.concurrency"));
        assertThrows(IllegalArgumentException.class, () -> new Options(new String[]{"p2.journey=5"}));
    }
}
