package nl.regioinkoop.kit.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * Whether tokens signed with the shared secret ({@code JWT_SECRET}, HS256) are accepted beside the identity
 * provider's. Where an issuer's JWKS is configured they are refused unless {@code regio.security.shared-secret-tokens}
 * is true: a shared secret is known to every service and its operators, and anyone who holds it can mint a token
 * for any role. The local run and the tests turn it on for the tokens they sign themselves.
 */
@Singleton
public final class SharedSecretTokens {
    static final String JWKS = "micronaut.security.token.jwt.signatures.jwks";

    private final boolean accepted;
    private final String issuer;

    SharedSecretTokens(Environment environment,
                       @Value("${regio.security.shared-secret-tokens:false}") boolean enabled,
                       @Value("${regio.security.shared-secret-issuer:regio-inkoop-local}") String issuer) {
        this.accepted = enabled || environment.getPropertyEntries(JWKS).isEmpty();
        this.issuer = issuer;
    }

    public boolean accepted() {
        return accepted;
    }

    /** The {@code iss} of the shared-secret tokens (the local run's and the tests' {@code Tokens}). */
    public String issuer() {
        return issuer;
    }
}
