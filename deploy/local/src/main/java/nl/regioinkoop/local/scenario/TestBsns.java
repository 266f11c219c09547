package nl.regioinkoop.local.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Test BSNs (range 999900006–999999990, each passing the elfproef) counted down from the top of the range, so the
 * scenarios never meet the demo region, which counts up from the bottom. Each scenario takes its own block.
 */
public final class TestBsns {
    private TestBsns() {
    }

    /** {@code count} BSNs after skipping the {@code offset} highest ones. */
    public static List<String> block(int offset, int count) {
        List<String> bsns = new ArrayList<>(count);
        int skipped = 0;
        for (long candidate = 999_999_990L; candidate >= 999_900_006L && bsns.size() < count; candidate--) {
            String bsn = Long.toString(candidate);
            if (passesElfproef(bsn)) {
                if (skipped < offset) {
                    skipped++;
                } else {
                    bsns.add(bsn);
                }
            }
        }
        return bsns;
    }

    static boolean passesElfproef(String bsn) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (bsn.charAt(i) - '0');
        }
        return (sum - (bsn.charAt(8) - '0')) % 11 == 0;
    }
}
