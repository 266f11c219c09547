package nl.regioinkoop.kit.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.UUID;

/**
 * Two requests that raced past a uniqueness check meet the database's constraint: the loser gets 409, not 500.
 * Any other data access failure is a 500 that names a logged reference and nothing else.
 */
@Produces(Problem.CONTENT_TYPE)
@Singleton
@Requires(classes = ExceptionHandler.class)
public class UniqueViolationHandler implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(UniqueViolationHandler.class);
    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DataAccessException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                ProblemException conflict = ProblemException.conflict("already-exists", "Already exists",
                        "A record with the same identifying values already exists");
                return HttpResponse.<Problem>status(HttpStatus.CONFLICT).contentType(Problem.CONTENT_TYPE)
                        .body(conflict.toProblem(request.getPath()));
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("data access failed {} on {} {}", reference, request.getMethod(), request.getPath(), exception);
        return HttpResponse.<Problem>status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(Problem.CONTENT_TYPE)
                .body(new Problem(Problem.TYPE_BASE + "internal-error", "Internal error", 500,
                        "An unexpected error occurred; it was logged under reference " + reference,
                        request.getPath(), null, java.util.Map.of("reference", reference)));
    }
}
