package nl.regioinkoop.local;

import nl.regioinkoop.testkit.Infra;

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
import java.util.concurrent.TimeUnit;

/**
 * The four services as processes of their own, each from its built jar, pointed at one PostgreSQL server (its own
 * database each) and one Kafka broker. Used by the local run and by the end-to-end and fault tests, which also
 * kill a service with SIGKILL and start it again.
 */
public final class ServiceProcesses implements AutoCloseable {
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    public record Service(String module, String database, int port) {
        public String url() {
            return "http://127.0.0.1:" + port;
        }

        /** access, contracting, provider or monitoring: the service's name and its environment prefix. */
        public String name() {
            return module.replace("-service", "");
        }
    }

    /** Where the services find their infrastructure and what they share. */
    public record Infrastructure(String pgAdminUrl, String pgUser, String pgPassword, String kafkaBootstrap,
                                 String jwtSecret) {
    }

    public static List<Service> defaultServices() {
        return List.of(
                new Service("access-service", "access", 8081),
                new Service("contracting-service", "contracting", 8082),
                new Service("provider-service", "provider", 8083),
                new Service("monitoring-service", "monitoring", 8084));
    }

    private final Path repository;
    private final Path logs;
    private final List<Service> services;
    private final Infrastructure infrastructure;
    private final Map<String, String> extraEnv;
    private final Map<String, Process> running = new LinkedHashMap<>();
    private final java.util.Set<String> copies = new java.util.HashSet<>();

    public ServiceProcesses(Path repository, Path logs, List<Service> services, Infrastructure infrastructure,
                            Map<String, String> extraEnv) {
        this.repository = repository;
        this.logs = logs;
        this.services = List.copyOf(services);
        this.infrastructure = infrastructure;
        this.extraEnv = Map.copyOf(extraEnv);
    }

    public List<Service> services() {
        return services;
    }

    /** @param name access, contracting, provider or monitoring */
    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Starts every service and waits until each answers its health check. */
    public ServiceProcesses startAll() throws Exception {
        Files.createDirectories(logs);
        for (Service service : services) {
            Infra.createDatabase(infrastructure.pgAdminUrl(), infrastructure.pgUser(), infrastructure.pgPassword(),
                    service.database());
        }
        for (Service service : services) {
            launch(service);
        }
        for (Service service : services) {
            awaitHealthy(service);
        }
        return this;
    }

    public void start(String name) throws Exception {
        Service service = service(name);
        launch(service);
        awaitHealthy(service);
    }

    /** SIGKILL: no shutdown hook, no graceful close; what was not committed is gone. */
    public void kill(String name) throws InterruptedException {
        Process process = running.remove(name);
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void launch(Service service) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        String prefix = service.name().toUpperCase();
        env.put(prefix + "_DB_URL", new Infra.Pg(infrastructure.pgAdminUrl(), infrastructure.pgUser(),
                infrastructure.pgPassword()).jdbcUrl(service.database()));
        env.put(prefix + "_PORT", String.valueOf(service.port()));
        env.put("PG_USER", infrastructure.pgUser());
        env.put("PG_PASSWORD", infrastructure.pgPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrap());
        env.put("JWT_SECRET", infrastructure.jwtSecret());
        env.putAll(extraEnv);
        Path jar = runnableJar(service);
        ProcessBuilder builder = new ProcessBuilder(JAVA, "-Xmx" + Infra.envOr("SERVICE_HEAP", "384m"),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .directory(repository.toFile()) // relative defaults (e.g. ../shared/istandaarden) are from the root
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service.module() + ".log").toFile()));
        builder.environment().putAll(env);
        running.put(service.name(), builder.start());
    }

    /**
     * A copy of the service's jar beside the logs, made once per run: a build that rewrites target/ while the
     * platform runs (./mvnw verify in another terminal) would otherwise pull classes from under a running JVM.
     */
    private Path runnableJar(Service service) throws IOException {
        Path copy = logs.resolveSibling("jars").resolve(service.module() + ".jar");
        if (!copies.contains(service.module())) {
            Path built = repository.resolve(Path.of(service.module(), "target", service.module() + "-0.1.0-SNAPSHOT.jar"));
            if (!Files.exists(built)) {
                throw new IllegalStateException(built + " is missing: build first (./mvnw -DskipTests package)");
            }
            Files.createDirectories(copy.getParent());
            Files.copy(built, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            copies.add(service.module());
        }
        return copy;
    }

    private void awaitHealthy(Service service) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Process process = running.get(service.name());
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited; see "
                        + logs.resolve(service.module() + ".log"));
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(service.url() + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service.module() + " did not become healthy; see "
                + logs.resolve(service.module() + ".log"));
    }

    /** Stops the services gracefully, newest first: a consumer whose broker is gone holds up its JVM's shutdown. */
    @Override
    public void close() {
        List<Process> processes = new ArrayList<>(running.values());
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
    }
}
