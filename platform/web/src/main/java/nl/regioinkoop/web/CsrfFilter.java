package nl.regioinkoop.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Refuses a state-changing request that rides on the session cookie without proof that it comes from one of our
 * pages: a form (urlencoded or multipart) must carry the {@link Csrf} token, and no cookie-carrying request may come
 * from another site ({@code Sec-Fetch-Site: cross-site}). Bearer-token requests carry no cookie and pass: a program
 * cannot be tricked into sending its token. JSON bodies cannot be sent cross-site without CORS, which no service
 * allows.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CsrfFilter {
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);
    private final Csrf csrf;

    CsrfFilter(Csrf csrf) {
        this.csrf = csrf;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod()) || request.getCookies().findCookie(Csrf.SESSION_COOKIE).isEmpty()) {
            return null;
        }
        if ("cross-site".equalsIgnoreCase(request.getHeaders().get("Sec-Fetch-Site"))) {
            return refusal(request);
        }
        MediaType type = request.getContentType().orElse(null);
        boolean multipart = type != null && type.matches(MediaType.MULTIPART_FORM_DATA_TYPE);
        if (type == null || !(multipart || type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))) {
            return null;
        }
        if (!(request instanceof ServerHttpRequest<?> server)) {
            return refusal(request);
        }
        // a copy of the body: the controller still binds the original
        try (CloseableAvailableByteBody body = server.byteBody().split().buffer().get(30, TimeUnit.SECONDS)) {
            String submitted = field(new String(body.toByteArray(), StandardCharsets.UTF_8), multipart);
            return csrf.matches(request, submitted) ? null : refusal(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refusal(request);
        } catch (ExecutionException | TimeoutException e) {
            return refusal(request);
        }
    }

    private static String field(String body, boolean multipart) {
        if (multipart) {
            int name = body.indexOf("name=\"" + Csrf.FIELD + "\"");
            if (name < 0) {
                return null;
            }
            int start = body.indexOf("\r\n\r\n", name);
            int end = start < 0 ? -1 : body.indexOf("\r\n", start + 4);
            return end < 0 ? null : body.substring(start + 4, end);
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && Csrf.FIELD.equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static HttpResponse<?> refusal(HttpRequest<?> request) {
        ProblemException problem = new ProblemException(HttpStatus.FORBIDDEN, "csrf", "Forbidden",
                "The form does not carry this session's token: reload the page and send it again");
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(Problem.CONTENT_TYPE)
                .body(problem.toProblem(request.getPath()));
    }
}
