package nl.regioinkoop.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Test BSNs (999900006-999999990, each passing the elfproef) counted from the top of the range down, so they
 * never meet the demo region's, which counts up from the bottom.
 */
final class Bsns {
    private Bsns() {
    }

    static List<String> fromTop(int count) {
        List<String> bsns = new ArrayList<>(count);
        for (long candidate = 999_999_990L; candidate >= 999_900_006L && bsns.size() < count; candidate--) {
            String bsn = Long.toString(candidate);
            if (passesElfproef(bsn)) {
                bsns.add(bsn);
            }
        }
        if (bsns.size() < count) {
            throw new IllegalArgumentException("the test range holds fewer than " + count + " BSNs");
        }
        return bsns;
    }

    static boolean passesElfproef(String bsn) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (bsn.charAt(i) - '0');
        }
        sum -= bsn.charAt(8) - '0';
        return sum % 11 == 0;
    }
}
