package nl.regioinkoop.kit.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import nl.regioinkoop.kit.input.InputRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes the framework's own errors (unknown route, malformed JSON, failed bean validation, 401 and 403 of the
 * security filter, uncaught exceptions) problem+json too. A 5xx never tells internals: it names a reference
 * that is in the log instead.
 */
@Singleton
@Replaces(bean = JsonErrorResponseBodyProvider.class)
public class ProblemJsonErrorBodyProvider implements JsonErrorResponseBodyProvider<Problem> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemJsonErrorBodyProvider.class);

    private static final Map<Integer, String> SLUGS = Map.of(
            400, "invalid-request",
            401, "unauthorized",
            403, "forbidden",
            404, "not-found",
            405, "method-not-allowed",
            406, "not-acceptable",
            413, "payload-too-large",
            415, "unsupported-media-type");

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        int code = status.getCode();
        String path = context.getRequest().getPath();
        if (code >= 500) {
            String reference = UUID.randomUUID().toString();
            LOG.error("unexpected error {} on {} {}", reference, context.getRequest().getMethod(), path,
                    context.getRootCause().orElse(null));
            return new Problem(Problem.TYPE_BASE + "internal-error", "Internal error", code,
                    "An unexpected error occurred; it was logged under reference " + reference, path, null,
                    Map.of("reference", reference));
        }
        InputRefused refused = InputRefused.in(context.getRootCause().orElse(null));
        if (refused != null && code == 400) {
            // the field of the body or query that cannot be taken as it is, by its path (lines[3].volume)
            return new Problem(Problem.TYPE_BASE + "invalid-request", "The request is invalid", code,
                    refused.getMessage(), path, List.of(new Problem.Violation(refused.field(), refused.reason())),
                    null);
        }
        List<Problem.Violation> violations = context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new Problem.Violation(e.getPath().get(), e.getMessage()))
                .toList();
        String detail = switch (code) {
            case 401 -> "A valid bearer token is required";
            case 403 -> "You do not have access to this resource";
            case 404 -> "No resource at " + path;
            default -> context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason());
        };
        String slug = SLUGS.getOrDefault(code, "http-" + code);
        return new Problem(Problem.TYPE_BASE + slug, status.getReason(), code, detail, path, violations, null);
    }

    @Override
    public String contentType() {
        return Problem.CONTENT_TYPE;
    }
}
