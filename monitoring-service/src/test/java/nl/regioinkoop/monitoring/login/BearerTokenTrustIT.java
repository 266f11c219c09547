package nl.regioinkoop.monitoring.login;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bearer token is trusted only for its signature by the identity provider's keys: the service holds no token
 * validator that would ask the identity provider's userinfo endpoint about a token the signature check refused
 * (micronaut-security-oauth2 adds one per OpenID client; platform/web's BearerTokensByKeysOnly removes it), and the OIDC server's tokens
 * are still accepted.
 */
@MicronautTest(transactional = false)
class BearerTokenTrustIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Override
    protected String databaseName() {
        return "monitoring";
    }

    @Test
    void onlyTheSignatureCheckValidatesBearerTokens() {
        List<String> validators = context.getBeansOfType(TokenValidator.class).stream()
                .map(v -> v.getClass().getName()).sorted().toList();
        assertEquals(List.of("io.micronaut.security.token.jwt.nimbus.NimbusReactiveJsonWebTokenValidator"), validators);
    }

    @Test
    void theOidcServersTokensAreAcceptedAndAStrangersAreNot() {
        Api api = new Api(server.getURI().toString());
        Api.Response mine = api.get("/api/v1/dimensions", Infra.oidc().token("regio-analist-mlw"));
        assertEquals(200, mine.status(), mine.toString());
        String token = Infra.oidc().token("regio-analist-mlw");
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        Api.Response stranger = api.get("/api/v1/dimensions", tampered);
        assertEquals(401, stranger.status(), stranger.toString());
    }
}
