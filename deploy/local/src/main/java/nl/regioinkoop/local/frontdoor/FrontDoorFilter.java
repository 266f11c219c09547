package nl.regioinkoop.local.frontdoor;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.ProxyRequestOptions;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

import java.net.URI;

/**
 * Forwards every request to the service its path belongs to, keeping the Host header so that the services build
 * their redirects (the login's redirect URI) for the front door's address, not their own.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class FrontDoorFilter implements HttpServerFilter {
    private static final ProxyRequestOptions KEEP_HOST = ProxyRequestOptions.builder().retainHostHeader().build();
    private final ProxyHttpClient client;
    private final FrontDoorRoutes routes;

    FrontDoorFilter(ProxyHttpClient client, FrontDoorRoutes routes) {
        this.client = client;
        this.routes = routes;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        URI target = routes.target(request.getPath());
        return client.proxy(request.mutate().uri(b -> b.scheme(target.getScheme()).host(target.getHost())
                .port(target.getPort())), KEEP_HOST);
    }
}
