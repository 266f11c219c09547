package nl.regioinkoop.kit.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;

/**
 * A token is taken only from the configured identity provider ({@code regio.oidc.issuer}) for this platform
 * ({@code regio.oidc.audience}, by default the platform's OIDC client id, among its {@code aud}), or, where
 * {@link SharedSecretTokens} accepts them, with the shared-secret tokens' issuer. A signature alone is not enough: an identity provider signs tokens for every
 * application it serves, with the same keys.
 */
@Singleton
public class TokenIssuerValidator<T> implements GenericJwtClaimsValidator<T> {
    private static final Logger LOG = LoggerFactory.getLogger(TokenIssuerValidator.class);

    private final String issuer;
    private final String audience;
    private final SharedSecretTokens sharedSecret;

    TokenIssuerValidator(@Value("${regio.oidc.issuer:}") String issuer,
                         @Value("${regio.oidc.audience:}") String audience,
                         @Value("${micronaut.security.oauth2.clients.regio.client-id:}") String clientId,
                         SharedSecretTokens sharedSecret) {
        this.issuer = issuer;
        // the ID tokens of the login are for the platform's client: its id is their audience
        this.audience = audience.isBlank() ? clientId : audience;
        this.sharedSecret = sharedSecret;
    }

    @Override
    public boolean validate(Claims claims, T request) {
        Object iss = claims.get(Claims.ISSUER);
        if (iss != null && sharedSecret.accepted() && sharedSecret.issuer().equals(iss.toString())) {
            return true;
        }
        if (issuer.isEmpty() || iss == null || !issuer.equals(iss.toString())) {
            LOG.debug("token refused: issuer {} is not {}", iss, issuer);
            return false;
        }
        if (!audience.isEmpty() && !audiences(claims.get(Claims.AUDIENCE)).contains(audience)) {
            LOG.debug("token refused: audience {} does not hold {}", claims.get(Claims.AUDIENCE), audience);
            return false;
        }
        return true;
    }

    private static List<String> audiences(Object aud) {
        if (aud instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return aud == null ? List.of() : List.of(aud.toString());
    }
}
