package nl.regioinkoop.kit.problem;

import io.micronaut.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the caller can act on. Services subclass it per kind of error ({@code BudgetExceeded},
 * {@code PhaseDoesNotAllow}); the handler writes it as problem+json. Thrown inside a transaction it
 * rolls the transaction back, so a rejected request changes nothing.
 */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final transient List<Problem.Violation> violations;
    private final transient Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public ProblemException(HttpStatus status, String slug, String title, String detail,
                            List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = violations;
    }

    /** Adds a machine-readable member next to {@code detail}, e.g. {@code remainingCents}. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return Problem.TYPE_BASE + slug;
    }

    public Problem toProblem(String instance) {
        return new Problem(type(), title, status.getCode(), getMessage(), instance, violations, extensions);
    }

    /** 400: the request itself is wrong (a field fails its check). */
    public static ProblemException invalid(String detail, Problem.Violation... violations) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is invalid", detail,
                List.of(violations));
    }

    /** 404: not found, or not the caller's (the same answer, so existence does not leak). */
    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found");
    }

    /** 403: the caller may not touch this tenant's data. Says nothing of what is there. */
    public static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You do not have access to this resource");
    }

    /** 409: conflicts with what exists (a duplicate, a concurrent change). */
    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, slug, title, detail);
    }

    /** 422: well-formed, but the domain refuses it (no valid contract, a phase that does not allow it). */
    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, slug, title, detail);
    }
}
