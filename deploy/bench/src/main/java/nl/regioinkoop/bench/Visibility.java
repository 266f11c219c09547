package nl.regioinkoop.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * End-to-end latency from counts: the monitoring service shows how many allocations it has, not which. The i-th
 * allocation accepted over HTTP is taken as visible at the first poll whose count (above the baseline) reached i.
 * Exact when allocations become visible in the order they were accepted; otherwise it pairs the i-th acceptance
 * with the i-th appearance, which keeps the distribution. A poll's time is when its answer arrived, so every
 * latency is an upper bound by at most the poll's own duration plus one poll interval.
 */
final class Visibility {
    /** One poll: when the answer arrived (System.nanoTime) and the count it showed. */
    record Poll(long answeredAtNanos, long count) {
    }

    private final List<Poll> polls = new ArrayList<>();

    synchronized void observed(long answeredAtNanos, long count) {
        polls.add(new Poll(answeredAtNanos, count));
    }

    /**
     * @param acceptedAtNanos when each allocation's 201 arrived, any order
     * @param baseline        the count before the first allocation
     * @return the latencies of the allocations seen, in acceptance order; allocations never seen are left out
     */
    synchronized Latencies latencies(long[] acceptedAtNanos, long baseline) {
        long[] accepted = Arrays.copyOf(acceptedAtNanos, acceptedAtNanos.length);
        Arrays.sort(accepted);
        Latencies latencies = new Latencies();
        int poll = 0;
        long highest = 0; // counts only grow; a lower count after a higher one is a stale read
        for (int i = 0; i < accepted.length; i++) {
            long needed = i + 1L;
            while (poll < polls.size() && Math.max(highest, polls.get(poll).count() - baseline) < needed) {
                highest = Math.max(highest, polls.get(poll).count() - baseline);
                poll++;
            }
            if (poll == polls.size()) {
                break;
            }
            long seenAt = polls.get(poll).answeredAtNanos();
            latencies.record(Math.max(0, seenAt - accepted[i]));
        }
        return latencies;
    }
}
