package nl.regioinkoop.kit.input;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteMatch;
import nl.regioinkoop.kit.problem.Problem;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place query parameters are checked ({@link QueryRules}), for every endpoint of every service, after
 * the security filter (a caller without a token learns nothing from a 400) and before the endpoint binds them:
 * so an unknown sort field is a 400 rather than an SQL error, a negative page size a 400 rather than a page.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class StrictQueryFilter implements Ordered {
    private final int maxPageSize;

    StrictQueryFilter(@Value("${regio.input.max-page-size:1000}") int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (request.getParameters().isEmpty()) {
            return null;
        }
        RouteMatch<?> route = request.getAttribute(HttpAttributes.ROUTE_MATCH, RouteMatch.class).orElse(null);
        Set<String> sortable = Set.of();
        Set<String> dates = new HashSet<>();
        int max = maxPageSize;
        if (route instanceof MethodBasedRouteMatch<?, ?> method) {
            var paged = method.getAnnotation(Paged.class);
            if (paged != null) {
                sortable = Set.of(paged.stringValues("sort"));
                max = paged.intValue("maxSize").orElse(0) > 0 ? paged.intValue("maxSize").getAsInt() : maxPageSize;
            }
            for (Argument<?> argument : method.getArguments()) {
                if (PlausibleDates.isTime(argument.getType())) {
                    dates.add(argument.getAnnotationMetadata().stringValue(QueryValue.class)
                            .filter(s -> !s.isEmpty()).orElse(argument.getName()));
                }
            }
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String name : request.getParameters().names()) {
            parameters.put(name, request.getParameters().getAll(name));
        }
        List<Problem.Violation> violations = QueryRules.check(parameters, dates, sortable, max);
        if (violations.isEmpty()) {
            return null;
        }
        Problem.Violation first = violations.get(0);
        return HttpResponse.status(HttpStatus.BAD_REQUEST).contentType(Problem.CONTENT_TYPE)
                .body(new Problem(Problem.TYPE_BASE + "invalid-request", "The request is invalid", 400,
                        "query parameter " + first.field() + " " + first.message(), request.getPath(), violations,
                        null));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
