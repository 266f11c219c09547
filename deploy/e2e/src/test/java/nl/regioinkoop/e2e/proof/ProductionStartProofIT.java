package nl.regioinkoop.e2e.proof;

import nl.regioinkoop.local.ServiceProcesses;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.DemoUsers;
import nl.regioinkoop.testkit.EmbeddedKafka;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services as an operator starts them, from their jars, in an environment that is neither {@code local} nor
 * {@code test}: with the repository's keys each refuses to start, exits non-zero and names what to set; with keys
 * of its own access-service starts, refuses tokens signed with the repository's secret (and, the identity
 * provider's JWKS being configured, any shared-secret token) with 401 problem+json, and takes the provider's.
 */
class ProductionStartProofIT {
    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final Map<String, List<String>> NAMED = Map.of(
            "access-service", List.of("JWT_SECRET", "PSEUDONYM_KEY", "CSRF_KEY", "OIDC_CLIENT_SECRET"),
            "contracting-service", List.of("JWT_SECRET", "CSRF_KEY", "OIDC_CLIENT_SECRET"),
            "provider-service", List.of("JWT_SECRET", "CSRF_KEY", "OIDC_CLIENT_SECRET"),
            "monitoring-service", List.of("JWT_SECRET", "CSRF_KEY", "OIDC_CLIENT_SECRET"));

    private static String random() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void everyServiceRefusesToStartInProductionWithTheRepositorysKeys() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<String>> service : new java.util.TreeMap<>(NAMED).entrySet()) {
            String module = service.getKey();
            Path jar = REPOSITORY.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
            Path log = Files.createTempFile(module, ".log");
            ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx192m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                    .directory(REPOSITORY.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            for (String name : List.of("JWT_SECRET", "PSEUDONYM_KEY", "CSRF_KEY", "OIDC_CLIENT_SECRET",
                    "SHARED_SECRET_TOKENS")) {
                env.remove(name);
            }
            env.put("MICRONAUT_ENVIRONMENTS", "prod");
            env.put(module.replace("-service", "").toUpperCase() + "_PORT", String.valueOf(EmbeddedKafka.freePort()));
            long started = System.nanoTime();
            Process process = builder.start();
            boolean ended = process.waitFor(3, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly();
            }
            String output = Files.readString(log);
            String refusal = output.lines().filter(l -> l.contains("Refusing to start")).findFirst().orElse("");
            lines.add(String.format("PROOF production start: %s exited %s after %d ms: %s", module,
                    ended ? process.exitValue() : "(still running)", (System.nanoTime() - started) / 1_000_000,
                    refusal.length() > 400 ? refusal.substring(refusal.indexOf("Refusing"), refusal.indexOf("Refusing")
                            + 400) + "..." : refusal));
            assertTrue(ended, module + " ended");
            assertNotEquals(0, process.exitValue(), module + " exits non-zero");
            for (String variable : service.getValue()) {
                assertTrue(refusal.contains(variable + " ("), module + " names " + variable + ": " + refusal);
            }
            Files.deleteIfExists(log);
        }
        lines.forEach(System.out::println);
    }

    @Test
    void aProductionServiceRefusesTheRepositorysSecretAndTakesTheIdentityProvidersTokens() throws Exception {
        Infra.Pg pg = Infra.postgres();
        String secret = random();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MICRONAUT_ENVIRONMENTS", "prod");
        env.put("SHARED_SECRET_TOKENS", "false");
        env.put("PSEUDONYM_KEY", random());
        env.put("CSRF_KEY", random());
        env.put("OIDC_CLIENT_SECRET", random());
        env.put("OIDC_ISSUER", Infra.oidc().issuer());
        env.put("OIDC_JWKS_URL", Infra.oidc().jwksUrl());
        env.put("SERVICE_HEAP", "256m");
        ServiceProcesses.Service access = new ServiceProcesses.Service("access-service", "prod_access",
                EmbeddedKafka.freePort());
        try (ServiceProcesses processes = new ServiceProcesses(REPOSITORY, Path.of("target", "prod-logs")
                .toAbsolutePath(), List.of(access), new ServiceProcesses.Infrastructure(pg.adminUrl(), pg.user(),
                pg.password(), Infra.kafkaBootstrapServers(), secret), env)) {
            processes.startAll();
            Api api = new Api(access.url());
            Api.Response published = api.get("/api/v1/budgets", new Tokens(Tokens.LOCAL_SECRET).accessOfficer("0988"));
            Api.Response own = api.get("/api/v1/budgets", new Tokens(secret).accessOfficer("0988"));
            Api.Response identityProvider = api.get("/api/v1/budgets", Infra.oidc().token(DemoUsers.ACCESS_WEERT));
            Api.Response otherAudience = api.get("/api/v1/budgets", Infra.oidc().tokenFor(DemoUsers.ACCESS_WEERT,
                    "another-application", Map.of(), java.time.Duration.ofHours(1)));
            System.out.printf("PROOF production start: access-service with keys of its own: token signed with the "
                            + "repository's secret -> %d, with its own shared secret -> %d, the identity provider's -> %d,"
                            + " the identity provider's for another audience -> %d%n", published.status(), own.status(),
                    identityProvider.status(), otherAudience.status());
            assertEquals(401, published.status(), published.toString());
            assertTrue(published.isProblem(), published.toString());
            assertEquals(401, own.status(), own.toString());
            assertEquals(200, identityProvider.status(), identityProvider.toString());
            assertEquals(401, otherAudience.status(), otherAudience.toString());
        }
    }
}
