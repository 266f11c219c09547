package nl.regioinkoop.testkit;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * Base of every integration test: the application context gets the JVM's real PostgreSQL server (its own
 * database per service, connected to as the role that owns it: {@link Infra#createServiceDatabase(String)}), real
 * Kafka broker (with its TLS and SASL login when it wants them: {@link Infra#kafka()}), the signing secret
 * {@link Tokens} uses, and the JVM's OpenID Connect server ({@link Infra#oidc()}) as the issuer of people's logins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RealInfrastructure implements TestPropertyProvider {

    protected final Tokens tokens = new Tokens(Tokens.LOCAL_SECRET);

    /** The service's database on the shared server. */
    protected abstract String databaseName();

    /** Extra properties of one test class. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>();
        // as deployed: the service connects as the role that owns its database and nothing else
        Infra.ServiceDatabase database = Infra.createServiceDatabase(databaseName());
        p.put("datasources.default.url", database.url());
        p.put("datasources.default.username", database.user());
        p.put("datasources.default.password", database.password());
        p.putAll(Infra.kafka().micronautProperties()); // with TEST_KAFKA_SECURITY=sasl_ssl: TLS and the SCRAM login
        p.put("micronaut.security.token.jwt.signatures.secret.generator.secret", Tokens.LOCAL_SECRET);
        // the HS256 tokens of Tokens beside the OIDC server's: a production service refuses them (SharedSecretTokens)
        p.put("regio.security.shared-secret-tokens", "true");
        // the services accept the OIDC server's tokens (its JWKS) beside the HS256 test tokens, as in the local run
        OidcServer oidc = Infra.oidc();
        p.put("regio.oidc.issuer", oidc.issuer());
        p.put("regio.oidc.jwks-url", oidc.jwksUrl());
        // a free port: the local run (8081-8084) or another build may hold the service's usual one
        p.put("micronaut.server.port", "-1");
        p.putAll(extraProperties());
        return p;
    }
}
