package nl.regioinkoop.kit.observability;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Gives every request its id ({@link RequestIds}) before anything else runs, the security filter included, so a
 * refused request is logged with it too. The MDC entry travels with the request to whichever thread handles it
 * (context propagation), and the id is returned in the response header.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestIdFilter implements Ordered {
    private static final String ATTRIBUTE = "regio.requestId";

    @RequestFilter
    void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String requestId = RequestIds.acceptOrCreate(request.getHeaders().get(RequestIds.HEADER));
        request.setAttribute(ATTRIBUTE, requestId);
        try (RequestIds.Scope ignored = RequestIds.open(requestId)) {
            context.add(new MdcPropagationContext());
        }
    }

    @ResponseFilter
    void answer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.header(RequestIds.HEADER, id));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
