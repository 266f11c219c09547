package nl.regioinkoop.local;

import nl.regioinkoop.local.frontdoor.FrontDoor;
import nl.regioinkoop.local.frontdoor.FrontDoorRoutes;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.KafkaClientSettings;
import nl.regioinkoop.testkit.OidcServer;
import nl.regioinkoop.testkit.OidcUser;
import nl.regioinkoop.testkit.Tokens;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform on one machine: PostgreSQL and Kafka (embedded, or external when {@code PG_URL} and
 * {@code KAFKA_BOOTSTRAP_SERVERS} name running servers), the four services as processes of their own, the demo
 * region on first start, an OpenID Connect server with the demo users (unless {@code OIDC_ISSUER} names one), and the
 * front door: one address for people. Prints how to sign in and writes a token per role, from the OIDC server.
 * Ctrl-C stops the front door and the services first, then the broker.
 */
public final class LocalPlatform {
    private final Path home = Path.of(Infra.envOr("LOCAL_DIR", ".local")).toAbsolutePath();
    private final Path logs = home.resolve("logs");
    private Process infrastructure;
    private ServiceProcesses services;
    private OidcServer oidc;
    private FrontDoor frontDoor;

    public static void main(String[] args) throws Exception {
        new LocalPlatform().run();
    }

    void run() throws Exception {
        Files.createDirectories(logs);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "stop-platform"));

        String pgAdminUrl = Infra.env("PG_URL");
        String kafka = Infra.env("KAFKA_BOOTSTRAP_SERVERS");
        if (pgAdminUrl == null || kafka == null) {
            step("starting PostgreSQL and Kafka (embedded, data in " + home + ")");
            startInfrastructure();
            pgAdminUrl = pgAdminUrl == null ? "jdbc:postgresql://127.0.0.1:" + Infra.envOr("PG_PORT", "15432") + "/postgres" : pgAdminUrl;
            kafka = kafka == null ? "127.0.0.1:" + Infra.envOr("KAFKA_PORT", "19092") : kafka;
        } else {
            step("using external PostgreSQL " + pgAdminUrl + " and Kafka " + kafka);
        }
        String secret = Infra.envOr("JWT_SECRET", Tokens.LOCAL_SECRET);
        Map<String, String> serviceEnv = new LinkedHashMap<>();
        // every resident the demo and the scenarios register has a test BSN: the local run refuses any other
        serviceEnv.put("REGIO_TEST_MODE_ENABLED", Infra.envOr("REGIO_TEST_MODE_ENABLED", "true"));
        if (Infra.env("OIDC_ISSUER") == null) {
            oidc = OidcServer.start(Integer.parseInt(Infra.envOr("OIDC_PORT", "8090")),
                    LocalUsers.forRun(Infra.env("SCENARIO")), Duration.ofHours(12));
            step("OpenID Connect server (the demo users' login) at " + oidc.issuer());
            serviceEnv.put("OIDC_ISSUER", oidc.issuer());
            serviceEnv.put("OIDC_JWKS_URL", oidc.jwksUrl());
        } else {
            step("using the OpenID Connect provider " + Infra.env("OIDC_ISSUER"));
        }
        step("starting the four services (logs in " + logs + ")");
        // an external broker with its KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_TRUSTSTORE_* (if any)
        KafkaClientSettings broker = Infra.env("KAFKA_BOOTSTRAP_SERVERS") == null ? KafkaClientSettings.plaintext(kafka)
                : KafkaClientSettings.fromEnvironment(kafka, "KAFKA_");
        services = new ServiceProcesses(Path.of("").toAbsolutePath(), logs, ServiceProcesses.defaultServices(),
                new ServiceProcesses.Infrastructure(pgAdminUrl, Infra.envOr("PG_USER", "postgres"),
                        Infra.envOr("PG_PASSWORD", ""), broker, secret), serviceEnv).startAll();
        for (ServiceProcesses.Service service : services.services()) {
            step(service.module() + " is up at " + service.url());
        }
        frontDoor = FrontDoor.start(Integer.parseInt(Infra.envOr("FRONT_DOOR_PORT", "8080")), routes());
        step("front door at " + frontDoor.url());

        Tokens tokens = new Tokens(secret);
        DemoRegion.loadIfAbsent(home, tokens, services.services());
        printBanner(tokens);
        Thread.currentThread().join();
    }

    private void startInfrastructure() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = logs.resolve("infrastructure.log");
        infrastructure = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=infra-logback.xml", "-cp", System.getProperty("java.class.path"),
                LocalInfrastructure.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!Files.exists(log) || !Files.readString(log).contains(LocalInfrastructure.READY)) {
            if (!infrastructure.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("infrastructure did not start; see " + log + ":\n"
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            Thread.sleep(250);
        }
    }

    /** The screens' prefixes to their services; the rest (home, login, dashboard) to monitoring. */
    private FrontDoorRoutes routes() {
        Map<String, URI> byPrefix = new LinkedHashMap<>();
        byPrefix.put("/toegang", URI.create(url("access")));
        byPrefix.put("/inkoop", URI.create(url("contracting")));
        byPrefix.put("/aanbieder", URI.create(url("provider")));
        return new FrontDoorRoutes(byPrefix, URI.create(url("monitoring")));
    }

    private String url(String service) {
        return services.services().stream().filter(s -> s.module().startsWith(service)).findFirst()
                .orElseThrow().url();
    }

    private void printBanner(Tokens tokens) throws IOException {
        Map<String, String> byRole = new LinkedHashMap<>();
        String source;
        if (oidc != null) {
            // the same users as the login page, from the OIDC server's token endpoint (client-credentials grant)
            byRole.put("TOKEN_ACCESS_WEERT", oidc.token("toegang-0988"));
            byRole.put("TOKEN_ACCESS_NEDERWEERT", oidc.token("toegang-0946"));
            byRole.put("TOKEN_ACCESS_LEUDAL", oidc.token("toegang-1640"));
            byRole.put("TOKEN_ANALYST_WEERT", oidc.token("analist-0988"));
            byRole.put("TOKEN_PROCUREMENT", oidc.token("inkoop-mlw"));
            byRole.put("TOKEN_REGION_ANALYST", oidc.token("regio-analist-mlw"));
            byRole.put("TOKEN_PROVIDER", oidc.token("aanbieder-" + DemoRegion.TOUR_PROVIDER_AGB));
            byRole.put("TOKEN_OVERRIDE_WEERT", oidc.token(LocalUsers.OVERRIDE_WEERT));
            source = "from the OIDC server " + oidc.issuer();
        } else {
            // an external identity provider signs people in; programs' local tokens are signed with JWT_SECRET
            byRole.put("TOKEN_ACCESS_WEERT", tokens.accessOfficer("0988"));
            byRole.put("TOKEN_ACCESS_NEDERWEERT", tokens.accessOfficer("0946"));
            byRole.put("TOKEN_ACCESS_LEUDAL", tokens.accessOfficer("1640"));
            byRole.put("TOKEN_ANALYST_WEERT", tokens.municipalityAnalyst("0988"));
            byRole.put("TOKEN_PROCUREMENT", tokens.procurementOfficer("MLW"));
            byRole.put("TOKEN_REGION_ANALYST", tokens.regionAnalyst("MLW"));
            byRole.put("TOKEN_PROVIDER", tokens.provider(DemoRegion.TOUR_PROVIDER_AGB));
            byRole.put("TOKEN_OVERRIDE_WEERT", tokens.sign("override-0988", List.of("ACCESS_OFFICER", "BUDGET_OVERRIDE"),
                    "municipality", "0988", Duration.ofHours(12)));
            source = "signed with JWT_SECRET";
        }
        StringBuilder env = new StringBuilder("# tokens for the local run (" + source + "), valid 12 hours: source this file\n");
        byRole.forEach((name, token) -> env.append("export ").append(name).append('=').append(token).append('\n'));
        Path tokenFile = home.resolve("tokens.env");
        Files.writeString(tokenFile, env);

        StringBuilder banner = new StringBuilder("\n");
        banner.append("  Regio Inkoop runs on this machine (region Midden-Limburg West)\n\n");
        banner.append("  Open  ").append(frontDoor.url()).append("/   and sign in as one of the people below\n");
        if (oidc != null) {
            String group = null;
            for (OidcUser user : oidc.users()) {
                if (!user.group().equals(group)) {
                    group = user.group();
                    banner.append("\n    ").append(group).append('\n');
                }
                banner.append(String.format("      %-26s %s%n", user.username(), user.label()));
            }
            banner.append("\n  (the login page lists them: press the person's button)\n\n");
        } else {
            banner.append("  (through the identity provider ").append(Infra.env("OIDC_ISSUER")).append(")\n\n");
        }
        banner.append("  Programs call each service's API with a bearer token:\n");
        for (ServiceProcesses.Service service : services.services()) {
            banner.append(String.format("  %-20s %s   API docs %s/swagger-ui/index.html%n", service.module(),
                    service.url(), service.url()));
        }
        banner.append("\n  Tokens per role (12 h, ").append(source).append(") are in ").append(tokenFile).append(":  source ").append(tokenFile).append("\n");
        byRole.forEach((name, token) -> banner.append(String.format("    %-24s %s...%n", name, token.substring(0, 24))));
        banner.append("\n  Logs in ").append(logs).append(".  Ctrl-C stops everything.\n");
        System.out.println(banner);
    }

    private void stopAll() {
        if (frontDoor != null) {
            frontDoor.close();
        }
        if (services != null) {
            services.close();
        }
        if (infrastructure != null) {
            infrastructure.destroy();
            try {
                if (!infrastructure.waitFor(30, TimeUnit.SECONDS)) {
                    infrastructure.destroyForcibly();
                }
            } catch (InterruptedException e) {
                infrastructure.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (oidc != null) {
            oidc.close();
        }
        System.out.println("Regio Inkoop stopped.");
    }

    static void step(String message) {
        System.out.printf("%tT  %s%n", System.currentTimeMillis(), message);
    }
}
