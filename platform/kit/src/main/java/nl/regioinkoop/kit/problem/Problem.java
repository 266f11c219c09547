package nl.regioinkoop.kit.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail: a stable {@code type} per kind of error, a fixed {@code title}, and a
 * {@code detail} that tells the caller what to fix. Extra members (such as {@code remainingCents}) go in
 * {@link #extensions} and are written at the top level.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Problem {
    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://regio-inkoop.nl/problems/";

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance;
    private final List<Violation> violations;
    private final Map<String, Object> extensions;

    public Problem(String type, String title, int status, String detail, String instance,
                   List<Violation> violations, Map<String, Object> extensions) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.violations = violations == null || violations.isEmpty() ? null : List.copyOf(violations);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    public List<Violation> getViolations() {
        return violations;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    /** One invalid field of a request: where, and what is wrong with it. */
    @Serdeable
    public record Violation(String field, String message) {
    }
}
