package nl.regioinkoop.access.screen;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import io.micronaut.validation.validator.Validator;
import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.web.Form;

import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

/**
 * Turns a submitted form into a use case's command with the API's own checks: the command's bean validation (the
 * same constraints as {@code @Valid @Body} on the API) and, after it, the use case's. What a form cannot even hold
 * (a date that is no date) is refused like the API refuses malformed JSON, at its field.
 */
@Singleton
public class Screens {
    private final Validator validator;

    Screens(Validator validator) {
        this.validator = validator;
    }

    /** @throws ProblemException 400 with a violation per field when the command breaks its constraints */
    public <T> T valid(T command) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The request is invalid", violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new Problem.Violation(field(v.getPropertyPath().toString()), v.getMessage()))
                    .toArray(Problem.Violation[]::new));
        }
        return command;
    }

    /** "register.command.bsn" or "bsn": the field's own name, as the form calls it. */
    private static String field(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The field as text, null when empty. */
    public static String text(Form form, String field) {
        String value = form.value(field).strip();
        return value.isEmpty() ? null : value;
    }

    /** A date field (an HTML date input sends 2026-10-05; 05-10-2026 is taken too); null when empty. */
    public static LocalDate date(Form form, String field) {
        String value = text(form, field);
        if (value == null) {
            return null;
        }
        try {
            if (value.matches("\\d{1,2}-\\d{1,2}-\\d{4}")) {
                String[] p = value.split("-");
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
            return LocalDate.parse(value);
        } catch (java.time.DateTimeException e) {
            throw ProblemException.invalid(field + " is not a date", new Problem.Violation(field, "not a date"));
        }
    }

    /** A whole number field; null when empty. */
    public static Long number(Form form, String field) {
        String value = text(form, field);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.replace(".", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field + " is not a whole number", new Problem.Violation(field, "not a number"));
        }
    }

    /** A checkbox: sent (any value) or not. */
    public static boolean checked(Form form, String field) {
        return !form.value(field).isBlank();
    }

    /** After a form's effect: the page that shows it (303, so a reload does not send the form again). */
    public static HttpResponse<?> redirect(String location) {
        return HttpResponse.seeOther(URI.create(location));
    }

    /** A page rendered with a status (a refused form: 400 or 422, its values and violations kept). */
    public static HttpResponse<?> page(HttpStatus status, String view, Map<String, Object> model) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model));
    }

    /** The status of a refusal as the API would answer it. */
    public static HttpStatus status(ProblemException refusal) {
        return refusal.status();
    }
}
