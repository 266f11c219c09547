package nl.regioinkoop.local;

import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.Tokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform on one machine: PostgreSQL and Kafka (embedded, or external when {@code PG_URL} and
 * {@code KAFKA_BOOTSTRAP_SERVERS} name running servers), the four services as processes of their own, the demo
 * region on first start, then URLs and a token per role. Ctrl-C stops the services first, then the broker.
 */
public final class LocalPlatform {
    static final List<Service> SERVICES = List.of(
            new Service("access-service", "access", 8081),
            new Service("contracting-service", "contracting", 8082),
            new Service("provider-service", "provider", 8083),
            new Service("monitoring-service", "monitoring", 8084));

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    private final Path home = Path.of(Infra.envOr("LOCAL_DIR", ".local")).toAbsolutePath();
    private final Path logs = home.resolve("logs");
    private final List<Process> processes = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new LocalPlatform().run();
    }

    record Service(String module, String database, int port) {
        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    void run() throws Exception {
        Files.createDirectories(logs);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "stop-platform"));

        String pgAdminUrl = Infra.env("PG_URL");
        String pgUser = Infra.envOr("PG_USER", "postgres");
        String pgPassword = Infra.envOr("PG_PASSWORD", "");
        String kafka = Infra.env("KAFKA_BOOTSTRAP_SERVERS");
        if (pgAdminUrl == null || kafka == null) {
            step("starting PostgreSQL and Kafka (embedded, data in " + home + ")");
            startInfrastructure();
            pgAdminUrl = pgAdminUrl == null ? "jdbc:postgresql://127.0.0.1:" + Infra.envOr("PG_PORT", "15432") + "/postgres" : pgAdminUrl;
            kafka = kafka == null ? "127.0.0.1:" + Infra.envOr("KAFKA_PORT", "19092") : kafka;
        } else {
            step("using external PostgreSQL " + pgAdminUrl + " and Kafka " + kafka);
        }
        for (Service service : SERVICES) {
            Infra.createDatabase(pgAdminUrl, pgUser, pgPassword, service.database());
        }

        String secret = Infra.envOr("JWT_SECRET", Tokens.LOCAL_SECRET);
        step("starting the four services (logs in " + logs + ")");
        for (Service service : SERVICES) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put(service.database().toUpperCase() + "_DB_URL", new Infra.Pg(pgAdminUrl, pgUser, pgPassword).jdbcUrl(service.database()));
            env.put("PG_USER", pgUser);
            env.put("PG_PASSWORD", pgPassword);
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            env.put("JWT_SECRET", secret);
            env.put(service.database().toUpperCase() + "_PORT", String.valueOf(service.port()));
            Path jar = Path.of(service.module(), "target", service.module() + "-0.1.0-SNAPSHOT.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
            }
            processes.add(start(service.module(), env, JAVA, "-Xmx" + Infra.envOr("SERVICE_HEAP", "384m"),
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        }
        for (Service service : SERVICES) {
            awaitHealthy(service);
        }

        Tokens tokens = new Tokens(secret);
        DemoRegion.loadIfAbsent(home, tokens, SERVICES);
        printBanner(tokens);
        Thread.currentThread().join();
    }

    private void startInfrastructure() throws Exception {
        String classpath = System.getProperty("java.class.path");
        Process infrastructure = start("infrastructure", Map.of(), JAVA, "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=infra-logback.xml", "-cp", classpath, LocalInfrastructure.class.getName());
        processes.add(infrastructure);
        Path log = logs.resolve("infrastructure.log");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!Files.exists(log) || !Files.readString(log).contains(LocalInfrastructure.READY)) {
            if (!infrastructure.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("infrastructure did not start; see " + log + ":\n"
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            Thread.sleep(250);
        }
    }

    private Process start(String name, Map<String, String> env, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitHealthy(Service service) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(service.url() + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    step(service.module() + " is up at " + service.url());
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(service.module() + " did not become healthy; see "
                + logs.resolve(service.module() + ".log"));
    }

    private void printBanner(Tokens tokens) throws IOException {
        Map<String, String> byRole = new LinkedHashMap<>();
        byRole.put("TOKEN_ACCESS_WEERT", tokens.accessOfficer("0988"));
        byRole.put("TOKEN_ACCESS_NEDERWEERT", tokens.accessOfficer("0946"));
        byRole.put("TOKEN_ACCESS_LEUDAL", tokens.accessOfficer("1640"));
        byRole.put("TOKEN_ANALYST_WEERT", tokens.municipalityAnalyst("0988"));
        byRole.put("TOKEN_PROCUREMENT", tokens.procurementOfficer("MLW"));
        byRole.put("TOKEN_REGION_ANALYST", tokens.regionAnalyst("MLW"));
        byRole.put("TOKEN_PROVIDER", tokens.provider(DemoRegion.TOUR_PROVIDER_AGB));
        byRole.put("TOKEN_OVERRIDE_WEERT", tokens.sign("override-0988", List.of("ACCESS_OFFICER", "BUDGET_OVERRIDE"),
                "municipality", "0988", Duration.ofHours(12)));
        StringBuilder env = new StringBuilder("# tokens for the local run, valid 12 hours: source this file\n");
        byRole.forEach((name, token) -> env.append("export ").append(name).append('=').append(token).append('\n'));
        Path tokenFile = home.resolve("tokens.env");
        Files.writeString(tokenFile, env);

        StringBuilder banner = new StringBuilder("\n");
        banner.append("  Regio Inkoop runs on this machine (region Midden-Limburg West)\n\n");
        banner.append("  Dashboard   http://127.0.0.1:8084/dashboard/#token=").append(tokens.regionAnalyst("MLW")).append("\n");
        banner.append("  Weert view  http://127.0.0.1:8084/dashboard/#token=").append(tokens.municipalityAnalyst("0988")).append("\n\n");
        for (Service service : SERVICES) {
            banner.append(String.format("  %-20s %s   API docs %s/swagger-ui/index.html%n", service.module(),
                    service.url(), service.url()));
        }
        banner.append("\n  Tokens per role (12 h) are in ").append(tokenFile).append(":  source ").append(tokenFile).append("\n");
        byRole.forEach((name, token) -> banner.append(String.format("    %-24s %s...%n", name, token.substring(0, 24))));
        banner.append("\n  Logs in ").append(logs).append(".  Ctrl-C stops everything.\n");
        System.out.println(banner);
    }

    private void stopAll() {
        // services first: a consumer whose broker is gone holds up its JVM's shutdown
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        System.out.println("Regio Inkoop stopped.");
    }

    static void step(String message) {
        System.out.printf("%tT  %s%n", System.currentTimeMillis(), message);
    }
}
