package nl.regioinkoop.web;

import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.ArrayList;

/**
 * A form as its page shows it: the values typed (kept on a refusal, so nothing typed is lost), the use case's
 * refusal with its problem+json {@code violations} by field (shown next to the field), and the form's
 * idempotency key: one per rendered form, sent back with it, so a double click or a browser retry is one request
 * to the use case (the same key the API takes in {@code Idempotency-Key}).
 */
public final class Form {
    /** The hidden field that carries the key. */
    public static final String KEY_FIELD = "idempotencyKey";
    private final Map<String, String> values;
    private final Map<String, List<String>> violations;
    private final String detail;
    private final String key;

    private final String slug;

    private Form(Map<String, String> values, Map<String, List<String>> violations, String detail, String key) {
        this(values, violations, detail, key, null);
    }

    private Form(Map<String, String> values, Map<String, List<String>> violations, String detail, String key,
                 String slug) {
        this.values = values;
        this.violations = violations;
        this.detail = detail;
        this.key = key;
        this.slug = slug;
    }

    /** A form filled in by the screen (defaults, or an object's current values), with a fresh key. */
    public static Form of(Map<String, String> values) {
        return new Form(Map.copyOf(values), Map.of(), null, UUID.randomUUID().toString());
    }

    /** A new, empty form with a fresh key. */
    public static Form blank() {
        return new Form(Map.of(), Map.of(), null, UUID.randomUUID().toString());
    }

    /** The form as submitted: its values, and its key (a fresh one if it came without). */
    public static Form submitted(Map<String, String> fields) {
        String key = fields.get(KEY_FIELD);
        return new Form(Map.copyOf(fields), Map.of(), null,
                key == null || key.isBlank() ? UUID.randomUUID().toString() : key);
    }

    /**
     * The same values and key with the refusal's detail and violations (in Dutch, {@link Messages}), to render the
     * form again.
     */
    public Form refusedBy(ProblemException refusal) {
        Problem problem = refusal.toProblem(null);
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (Problem.Violation v : problem.getViolations() == null ? List.<Problem.Violation>of() : problem.getViolations()) {
            byField.computeIfAbsent(v.field(), f -> new ArrayList<>()).add(Messages.field(v.message()));
        }
        String type = problem.getType();
        String slug = type == null ? null : type.substring(type.lastIndexOf('/') + 1);
        return new Form(values, byField, Messages.detail(slug, problem.getDetail(), !byField.isEmpty()), key, slug);
    }

    /** The same refusal explained in the screen's own words (e.g. what the officer can do about a budget line). */
    public Form explained(String detail) {
        return new Form(values, violations, detail, key, slug);
    }

    /** The refusal's kind: the last part of its problem type ({@code budget-exceeded}); null when not refused. */
    public String refusal() {
        return slug;
    }

    /** Whether the form shows only the server's values: a fresh form may take a draft typed before (regio.js). */
    public String restoresDraft() {
        return refused() ? "nee" : "ja";
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean invalid(String field) {
        return violations.containsKey(field);
    }

    /** The field's messages, joined: what the page shows next to it. */
    public String error(String field) {
        return String.join("; ", violations.getOrDefault(field, List.of()));
    }

    public boolean refused() {
        return detail != null;
    }

    /** What the refusal says as a whole (also for violations of no field on this form). */
    public String detail() {
        return detail;
    }

    public String key() {
        return key;
    }
}
