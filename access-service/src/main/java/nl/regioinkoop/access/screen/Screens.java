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

    /** What a page confirms after a form's effect, by the form's draft name ({@code ?gedaan=}); null for none. */
    public static String notice(String done) {
        if (done == null || !done.matches("[a-z0-9-]{1,100}")) {
            return null;
        }
        String kind = done.replaceAll("-[0-9a-f]{8}-[0-9a-f-]{27}$", "");
        return switch (kind) {
            case "inwoner-registreren" -> "De inwoner is geregistreerd.";
            case "verwijzing" -> "De verwijzing is geregistreerd. Leg nu de triage vast.";
            case "triage" -> "De triage is vastgelegd.";
            case "afwijzing" -> "Het verzoek is afgewezen met reden; de aanbieder krijgt het antwoord (JW319).";
            case "toewijzing" -> "De toewijzing is vastgelegd en het bedrag is verplicht op de budgetregel; de "
                    + "aanbieder krijgt haar (JW301).";
            case "wijziging" -> "De toewijzing is gewijzigd; het budget is bijgewerkt.";
            case "beeindiging" -> "De toewijzing is beëindigd; wat niet gebruikt wordt, is vrijgegeven.";
            case "intrekking" -> "De toewijzing is ingetrokken; het niet gerealiseerde bedrag is vrijgegeven.";
            case "gezinsplan" -> "Het gezinsplan is aangemaakt.";
            case "doel" -> "Het doel is toegevoegd aan het gezinsplan.";
            case "doelstatus" -> "De status van het doel is bijgewerkt.";
            default -> null;
        };
    }

    /** The draft name a page confirms ({@code ?gedaan=}), only when it is one; else null. */
    public static String done(String done) {
        return notice(done) == null ? null : done;
    }

    /** The status of a refusal as the API would answer it. */
    public static HttpStatus status(ProblemException refusal) {
        return refusal.status();
    }
}
