package nl.regioinkoop.contracting.common;

import io.micronaut.http.HttpStatus;
import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;

import java.util.List;

/**
 * The refusals of contracting-service, each with a stable slug (listed in the README). 409 when the state of a
 * tender or contract does not allow the action now; 422 when the request itself breaks a procurement rule.
 */
public final class DomainProblem extends ProblemException {

    private DomainProblem(HttpStatus status, String slug, String title, String detail, List<Problem.Violation> v) {
        super(status, slug, title, detail, v);
    }

    public static ProblemException invalid(String detail, Problem.Violation... violations) {
        return ProblemException.invalid(detail, violations);
    }

    public static ProblemException invalid(List<Problem.Violation> violations) {
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid, first " + violations.get(0).field() + ": "
                + violations.get(0).message();
        return new DomainProblem(HttpStatus.BAD_REQUEST, "invalid-request", "The request is invalid", detail,
                violations);
    }

    /** The tender's current phase does not allow this action. */
    public static ProblemException phaseDoesNotAllow(String phase, String detail) {
        return new DomainProblem(HttpStatus.CONFLICT, "phase-does-not-allow", "The tender's phase does not allow this",
                detail, List.of()).with("phase", phase);
    }

    public static ProblemException submissionDeadlinePassed(String detail) {
        return new DomainProblem(HttpStatus.CONFLICT, "submission-deadline-passed", "The submission deadline has passed",
                detail, List.of());
    }

    public static ProblemException standstillNotOver(String detail) {
        return new DomainProblem(HttpStatus.CONFLICT, "standstill-not-over", "The standstill period is not over",
                detail, List.of());
    }

    public static ProblemException contractNotActive(String detail) {
        return new DomainProblem(HttpStatus.CONFLICT, "contract-state-does-not-allow",
                "The contract's state does not allow this", detail, List.of());
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new DomainProblem(HttpStatus.CONFLICT, slug, title, detail, List.of());
    }

    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new DomainProblem(HttpStatus.UNPROCESSABLE_ENTITY, slug, title, detail, List.of());
    }
}
