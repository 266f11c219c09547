package nl.regioinkoop.provider.support;

import io.micronaut.http.HttpStatus;
import nl.regioinkoop.kit.problem.ProblemException;

/** A provider report the domain refuses; each kind has its own stable slug, listed in the README. */
public class ReportRefused extends ProblemException {
    ReportRefused(HttpStatus status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    public static ReportRefused unprocessable(String slug, String title, String detail) {
        return new ReportRefused(HttpStatus.UNPROCESSABLE_ENTITY, slug, title, detail);
    }

    public static ReportRefused conflict(String slug, String title, String detail) {
        return new ReportRefused(HttpStatus.CONFLICT, slug, title, detail);
    }
}
