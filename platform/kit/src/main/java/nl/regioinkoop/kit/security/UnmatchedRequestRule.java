package nl.regioinkoop.kit.security;

import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.IpPatternsRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * A signed-in caller's request that matches no route goes on to the router, which answers what is wrong with
 * it: 404 for a path that does not exist, 405 for a method the path does not take, 415 for a body type the
 * endpoint does not read. Without this rule micronaut-security refuses every such request with 403 "You do not
 * have access", which hides the caller's mistake and says nothing true. A caller without a token still gets 401
 * ({@code reject-not-found}), so strangers learn nothing of which paths exist.
 */
@Singleton
final class UnmatchedRequestRule implements SecurityRule<HttpRequest<?>> {
    /** Before every other rule: they all decide about routes, and this request has none. */
    static final int ORDER = IpPatternsRule.ORDER - 100;

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, Authentication authentication) {
        boolean routed = request.getAttribute(HttpAttributes.ROUTE_MATCH, RouteMatch.class).isPresent();
        return Publishers.just(!routed && authentication != null ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
