package nl.regioinkoop.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.problem.ProblemExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A refusal on a screen, for a person: a page in the platform's look that says what happened and what to do
 * (a 403 says no more than the API's). Programs, and every {@code /api/} path, keep getting problem+json exactly as
 * {@link ProblemExceptionHandler} writes it. A form's own refusals never get here: the form shows them next to
 * their fields ({@link Form}).
 */
@Singleton
@Replaces(ProblemExceptionHandler.class)
class ProblemPages implements ExceptionHandler<ProblemException, HttpResponse<?>> {
    static final String VIEW = "web/problem";
    private final ProblemExceptionHandler json = new ProblemExceptionHandler();
    private final ViewsModelDecorator decorator;
    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer;

    ProblemPages(ViewsModelDecorator decorator, ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer) {
        this.decorator = decorator;
        this.renderer = renderer;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ProblemException exception) {
        if (!wantsPage(request)) {
            return json.handle(request, exception);
        }
        Problem problem = exception.toProblem(request.getPath());
        int status = problem.getStatus();
        Map<String, Object> model = new HashMap<>();
        switch (status) {
            case 403 -> {
                model.put("heading", "Geen toegang");
                model.put("explanation", "U hebt geen toegang tot deze pagina. Dossiers van een andere gemeente of "
                        + "van een andere rol zijn niet voor u zichtbaar.");
            }
            case 404 -> {
                model.put("heading", "Niet gevonden");
                model.put("explanation", "Deze pagina of dit dossier bestaat niet (meer).");
            }
            default -> {
                model.put("heading", "Niet uitgevoerd");
                model.put("explanation", "Het verzoek is niet uitgevoerd; er is niets veranderd.");
                model.put("detail", problem.getDetail());
            }
        }
        model.putIfAbsent("detail", null);
        // rendered here: the views filter leaves an exception handler's answer as it is
        ModelAndView<Map<String, Object>> page = new ModelAndView<>(VIEW, model);
        decorator.decorate(request, page);
        StringWriter html = new StringWriter();
        try {
            renderer.render(VIEW, page.getModel().orElse(model), request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.status(exception.status()).contentType(MediaType.TEXT_HTML_TYPE).body(html.toString());
    }

    /** A browser asking for a screen (not an API path), not a program. */
    static boolean wantsPage(HttpRequest<?> request) {
        return !request.getPath().startsWith("/api/")
                && request.getHeaders().accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
    }
}
