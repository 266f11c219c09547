package nl.regioinkoop.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Durations recorded from many threads; percentiles by the nearest-rank method on the sorted samples (p99 of 200
 * samples is the 198th smallest), so a reported p99 is a latency that really happened.
 */
final class Latencies {
    private long[] nanos = new long[1024];
    private int size;

    synchronized void record(long durationNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = durationNanos;
    }

    synchronized int count() {
        return size;
    }

    /** @param percent 0 < percent <= 100; the sample at rank ceil(percent / 100 * n), in milliseconds */
    synchronized double percentileMillis(double percent) {
        if (size == 0) {
            return Double.NaN;
        }
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percentile out of (0, 100]: " + percent);
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
    }

    synchronized double maxMillis() {
        return size == 0 ? Double.NaN : Arrays.stream(nanos, 0, size).max().orElseThrow() / 1_000_000.0;
    }

    /** count, p50, p95, p99 and max in ms, for the JSON result. */
    Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("count", count());
        s.put("p50Ms", round(percentileMillis(50)));
        s.put("p95Ms", round(percentileMillis(95)));
        s.put("p99Ms", round(percentileMillis(99)));
        s.put("maxMs", round(maxMillis()));
        return s;
    }

    String text() {
        return String.format("p50 %s / p95 %s / p99 %s ms", ms(percentileMillis(50)), ms(percentileMillis(95)),
                ms(percentileMillis(99)));
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "-" : millis >= 100 ? String.format("%.0f", millis) : String.format("%.1f", millis);
    }

    static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 10) / 10.0;
    }
}
