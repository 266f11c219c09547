package nl.regioinkoop.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * The look's static files ({@code /web/**}: CSS) are public, like the login page that uses them; a rule instead of
 * an intercept-url-map entry so that no service's own map has to repeat it.
 */
@Singleton
class WebAssetsRule implements SecurityRule<HttpRequest<?>> {

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        return Publishers.just(request != null && request.getPath().startsWith("/web/")
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
    }
}
