package nl.regioinkoop.access;

import nl.regioinkoop.access.client.Bsn;

import java.util.concurrent.atomic.AtomicInteger;

/** Intention-revealing test data. Test BSNs come from the range 999900006–999999990 reserved for testing. */
public final class Fixtures {
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 40_000));

    private Fixtures() {
    }

    /** A fresh test BSN that passes the elfproef. */
    public static String testBsn() {
        while (true) {
            int candidate = 999_900_006 + NEXT.getAndIncrement() % 99_985;
            String digits = Integer.toString(candidate);
            if (Bsn.passesElfproef(digits)) {
                return digits;
            }
        }
    }

    /** The same number with its last digit changed: fails the elfproef. */
    public static String invalidBsn() {
        String valid = testBsn();
        int last = valid.charAt(8) - '0';
        return valid.substring(0, 8) + ((last + 1) % 10);
    }

    public static String registerClientJson(String bsn, String municipality) {
        return "{\"bsn\":\"" + bsn + "\",\"name\":\"Sanne de Vries\",\"birthDate\":\"2012-04-03\","
                + "\"municipalityCode\":\"" + municipality + "\"}";
    }
}
