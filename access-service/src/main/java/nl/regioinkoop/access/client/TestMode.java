package nl.regioinkoop.access.client;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;

/**
 * An acceptance-test platform ({@code regio.test-mode.enabled}) registers only test BSNs, the range 999900006 to
 * 999999990 reserved for testing, so a test environment cannot come to hold real residents. Off by default; the
 * local run, whose demo residents all have test BSNs, turns it on.
 */
@Singleton
class TestMode {
    static final long FIRST_TEST_BSN = 999_900_006L;
    static final long LAST_TEST_BSN = 999_999_990L;

    private final boolean enabled;

    TestMode(@Value("${regio.test-mode.enabled:false}") boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    /** @throws ProblemException 400 on a BSN outside the test range while test mode is on */
    void requireTestBsn(Bsn bsn) {
        long value = Long.parseLong(bsn.value());
        if (enabled && (value < FIRST_TEST_BSN || value > LAST_TEST_BSN)) {
            throw ProblemException.invalid("This is a test environment: it registers only test BSNs ("
                            + FIRST_TEST_BSN + " to " + LAST_TEST_BSN + "), never a real resident's",
                    new Problem.Violation("bsn", "must be a test BSN (999900006 to 999999990) in test mode"));
        }
    }
}
