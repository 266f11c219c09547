package nl.regioinkoop.e2e.proof;

import java.util.concurrent.ThreadLocalRandom;

/** Test BSNs (999900006–999999990, passing the elfproef), drawn at random so reruns and other tests rarely meet. */
final class Bsns {
    private Bsns() {
    }

    static String random() {
        while (true) {
            String candidate = Long.toString(ThreadLocalRandom.current().nextLong(999_900_006L, 999_999_991L));
            if (passesElfproef(candidate)) {
                return candidate;
            }
        }
    }

    /** 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). */
    static boolean passesElfproef(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        return (sum - (nineDigits.charAt(8) - '0')) % 11 == 0;
    }

    /** Nine digits that fail the elfproef: what a typo in a BSN looks like. */
    static String failingElfproef() {
        String valid = random();
        char last = valid.charAt(8);
        return valid.substring(0, 8) + (char) ('0' + (last - '0' + 1) % 10);
    }
}
