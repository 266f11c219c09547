package nl.regioinkoop.access.client;

import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;

/**
 * A citizen service number: 9 digits passing the elfproef (9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 mod 11).
 * Its {@link #toString()} is masked, so a BSN that slips into a log line or an exception says nothing.
 */
public final class Bsn {
    private final String value;

    private Bsn(String value) {
        this.value = value;
    }

    /** @throws ProblemException 400 when the value is not 9 digits or fails the elfproef */
    public static Bsn of(String value) {
        if (value == null || !value.matches("\\d{9}")) {
            throw ProblemException.invalid("A BSN has exactly 9 digits",
                    new Problem.Violation("bsn", "must be 9 digits"));
        }
        if (!passesElfproef(value)) {
            throw ProblemException.invalid("The BSN fails the elfproef (11-test); check it for a typing error",
                    new Problem.Violation("bsn", "fails the elfproef"));
        }
        return new Bsn(value);
    }

    public static boolean passesElfproef(String digits) {
        if (digits == null || !digits.matches("\\d{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (digits.charAt(i) - '0');
        }
        sum -= digits.charAt(8) - '0';
        return sum % 11 == 0 && !digits.equals("000000000");
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bsn other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Bsn[*********]";
    }
}
