package nl.regioinkoop.kit.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Writes a {@link ProblemException} as {@code application/problem+json}. */
@Produces(Problem.CONTENT_TYPE)
@Singleton
@Requires(classes = ExceptionHandler.class)
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        return HttpResponse.<Problem>status(exception.status())
                .contentType(Problem.CONTENT_TYPE)
                .body(exception.toProblem(request.getPath()));
    }
}
