package nl.regioinkoop.access.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.DemoUsers;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * access-service as an operator would start it: in an environment that is neither {@code local} nor {@code test}
 * (here {@code prod}, with the test JVM's environment deduction off), with the repository's configuration.
 */
class ProductionConfigurationIT {

    private static String random() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Map<String, Object> infrastructure() {
        Map<String, Object> p = new HashMap<>();
        Infra.Pg pg = Infra.postgres();
        p.put("datasources.default.url", Infra.postgresDatabase("access"));
        p.put("datasources.default.username", pg.user());
        p.put("datasources.default.password", pg.password());
        p.put("kafka.bootstrap.servers", Infra.kafkaBootstrapServers());
        p.put("regio.oidc.issuer", Infra.oidc().issuer());
        p.put("regio.oidc.jwks-url", Infra.oidc().jwksUrl());
        p.put("micronaut.server.port", "-1");
        return p;
    }

    private static ApplicationContext start(Map<String, Object> properties) {
        return ApplicationContext.builder().environments("prod").deduceEnvironment(false).properties(properties)
                .start();
    }

    @Test
    void refusesToStartWithTheKeysWrittenInTheRepository() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> start(infrastructure()).close());
        String message = messages(refused);
        System.out.println("PRODUCTION START refused: " + message.lines().filter(l -> l.contains("Refusing"))
                .findFirst().orElse(message));
        assertTrue(message.contains("Refusing to start"), message);
        assertTrue(message.contains("JWT_SECRET") && message.contains("PSEUDONYM_KEY")
                && message.contains("CSRF_KEY") && message.contains("OIDC_CLIENT_SECRET"), message);
        assertTrue(message.contains("published in the repository"), message);
    }

    @Test
    void refusesToStartWithAShortPseudonymKey() {
        Map<String, Object> p = infrastructure();
        p.put("micronaut.security.token.jwt.signatures.secret.generator.secret", random());
        p.put("regio.web.csrf-key", random());
        p.put("micronaut.security.oauth2.clients.regio.client-secret", random());
        p.put("access.pseudonym-key", "short-but-secret");
        String message = messages(assertThrows(RuntimeException.class, () -> start(p).close()));
        assertTrue(message.contains("PSEUDONYM_KEY") && message.contains("shorter than 32 bytes"), message);
        assertTrue(!message.contains("JWT_SECRET ("), "only what is wrong is named: " + message);
    }

    @Test
    void refusesTokensSignedWithTheRepositorysSecretAndTakesTheIdentityProvidersOwn() {
        Map<String, Object> p = infrastructure();
        String secret = random();
        p.put("micronaut.security.token.jwt.signatures.secret.generator.secret", secret);
        p.put("access.pseudonym-key", random());
        p.put("regio.web.csrf-key", random());
        p.put("micronaut.security.oauth2.clients.regio.client-secret", random());
        try (ApplicationContext context = start(p)) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            Api api = new Api(server.getURL().toString());
            Api.Response published = api.get("/api/v1/budgets", new Tokens(Tokens.LOCAL_SECRET).accessOfficer("0988"));
            assertEquals(401, published.status(), published.toString());
            assertTrue(published.isProblem(), published.toString());
            // even signed with the service's own secret: shared-secret tokens are off where a JWKS is configured
            Api.Response own = api.get("/api/v1/budgets", new Tokens(secret).accessOfficer("0988"));
            assertEquals(401, own.status(), own.toString());
            Api.Response identityProvider = api.get("/api/v1/budgets", Infra.oidc().token(DemoUsers.ACCESS_WEERT));
            assertEquals(200, identityProvider.status(), identityProvider.toString());
            System.out.printf("PRODUCTION TOKENS: repository secret -> %d, own shared secret -> %d, identity "
                    + "provider -> %d%n", published.status(), own.status(), identityProvider.status());
        }
    }

    @Test
    void takesSharedSecretTokensOnlyWhenTurnedOnAndOnlyWithItsOwnSecret() {
        Map<String, Object> p = infrastructure();
        String secret = random();
        p.put("micronaut.security.token.jwt.signatures.secret.generator.secret", secret);
        p.put("access.pseudonym-key", random());
        p.put("regio.web.csrf-key", random());
        p.put("micronaut.security.oauth2.clients.regio.client-secret", random());
        p.put("regio.security.shared-secret-tokens", "true");
        try (ApplicationContext context = start(p)) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            Api api = new Api(server.getURL().toString());
            assertEquals(200, api.get("/api/v1/budgets", new Tokens(secret).accessOfficer("0988")).status());
            Api.Response published = api.get("/api/v1/budgets", new Tokens(Tokens.LOCAL_SECRET).accessOfficer("0988"));
            assertEquals(401, published.status(), published.toString());
        }
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
