package nl.regioinkoop.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * A bearer token is trusted for its signature by the identity provider's keys (JWKS) and for nothing else.
 * micronaut-security-oauth2 adds, for every OpenID client, a validator that sends any token the JWT validators
 * refused to the provider's userinfo endpoint and, when the provider answers, accepts it with whatever claims the
 * userinfo answer holds: a second, weaker way in (it depends on what a provider's userinfo returns, not on the
 * token's signature and claims as checked here), and every refused token is handed to the identity provider. This bean
 * replaces that validator (it is package-private in the library, so it is replaced by its bean type and name).
 */
@Singleton
@Named(WebConfiguration.OIDC_CLIENT)
@Replaces(bean = TokenValidator.class, named = WebConfiguration.OIDC_CLIENT)
final class NoUserInfoTokenValidation implements TokenValidator<HttpRequest<?>> {

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return Publishers.empty();
    }
}
