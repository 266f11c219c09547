package nl.regioinkoop.local;

import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.KafkaClientSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The four services as processes of their own, each from its built jar, pointed at one PostgreSQL server (its own
 * database each, connected to as its own role) and one Kafka broker (with its TLS and SASL settings, if any). Used by the local run and by the end-to-end and fault tests, which also
 * kill a service with SIGKILL and start it again.
 *
 * <p>Start-up uses an application class-data-sharing archive per service jar (AppCDS, JDK 17's dynamic archive):
 * a JVM that finds no archive for its jar writes one when it stops gracefully ({@code -XX:ArchiveClassesAtExit}),
 * and every later start maps the classes loaded and verified then instead of reading, parsing and verifying them
 * from the 46 MB jar again, which halves a service's start-up CPU. The archive's name carries the jar's size and
 * modification time (the copy keeps the built jar's), and the JVM itself checks the class path, the jar's size and
 * time and its own version ({@code -Xshare:auto}): an archive that does not fit is ignored and the start is an
 * ordinary one. {@link #prepareClassArchives()} makes the archives in a training start of their own.
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

    /**
     * Where the services find their infrastructure and what they share. The PostgreSQL user is an admin: it makes
     * each service's database and role ({@link Infra#createServiceDatabase(Infra.Pg, String)}), and the services
     * connect as their own roles. The broker's settings go to every service ({@link KafkaClientSettings#environment()}).
     */
    public record Infrastructure(String pgAdminUrl, String pgUser, String pgPassword, KafkaClientSettings kafka,
                                 String jwtSecret) {
        /** A broker given by its bootstrap servers: with the settings this JVM knows for it ({@link KafkaClientSettings#of}). */
        public Infrastructure(String pgAdminUrl, String pgUser, String pgPassword, String kafkaBootstrap,
                              String jwtSecret) {
            this(pgAdminUrl, pgUser, pgPassword, KafkaClientSettings.of(kafkaBootstrap), jwtSecret);
        }

        public String kafkaBootstrap() {
            return kafka.bootstrapServers();
        }

        Infra.Pg admin() {
            return new Infra.Pg(pgAdminUrl, pgUser, pgPassword);
        }
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
    /** Per running service: the class archive its JVM writes when it exits, not yet known to be whole. */
    private final Map<String, Path> pendingArchives = new HashMap<>();
    private boolean writeClassArchives = true;

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

    /**
     * Starts without an archive where there is none, instead of writing one at exit: for a platform of many JVMs
     * whose jars were just built (a test's replicas), where eight archives dumped at once on stopping cost minutes
     * and the next build's jars would not fit them anyway. An archive that exists is still used.
     */
    public ServiceProcesses writingNoClassArchives() {
        this.writeClassArchives = false;
        return this;
    }

    /** @param name access, contracting, provider or monitoring */
    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Starts every service and waits until each answers its health check. */
    public ServiceProcesses startAll() throws Exception {
        Files.createDirectories(logs);
        for (Service service : services) {
            Infra.createServiceDatabase(infrastructure.admin(), service.database());
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

    /** Starts these services at once (their JVMs start side by side) and waits until each answers its health check. */
    public void start(List<String> names) throws Exception {
        for (String name : names) {
            launch(service(name));
        }
        for (String name : names) {
            awaitHealthy(service(name));
        }
    }

    /** The running service's process: the service's JVM itself (started without a wrapper script), or empty. */
    public java.util.Optional<ProcessHandle> process(String name) {
        Process process = running.get(name);
        return process == null || !process.isAlive() ? java.util.Optional.empty()
                : java.util.Optional.of(process.toHandle());
    }

    /**
     * A training start for every service whose jar has no class archive yet: started at once against a scratch
     * database ({@code <database>_cds}, dropped afterwards), asked for its health, and stopped gracefully so its JVM
     * writes the archive; the starts that follow are ordinary starts that find it. Its consumers join the real
     * consumer groups, so use it only where the topics hold nothing yet (the benchmark's fresh broker): on a broker
     * with history it would commit offsets for events that went into the scratch database.
     */
    public void prepareClassArchives() throws Exception {
        Files.createDirectories(logs);
        List<Service> training = new ArrayList<>();
        for (Service service : services) {
            if (!Files.isRegularFile(classArchive(service, runnableJar(service)))) {
                training.add(service);
            }
        }
        for (Service service : training) {
            String scratch = service.database() + "_cds";
            dropDatabase(scratch);
            launch(service, scratch, logs.resolve(service.module() + ".class-archive.log"));
        }
        try {
            for (Service service : training) {
                awaitHealthy(service);
            }
        } finally {
            // four JVMs writing 80 MB archives at once on a busy machine: minutes rather than seconds
            stopAll(TimeUnit.MINUTES.toSeconds(5));
            for (Service service : training) {
                dropDatabase(service.database() + "_cds");
            }
        }
    }

    /** SIGKILL: no shutdown hook, no graceful close; what was not committed is gone. */
    public void kill(String name) throws InterruptedException {
        Process process = running.remove(name);
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            settleArchive(name, false);
        }
    }

    private void launch(Service service) throws IOException {
        launch(service, service.database(), logs.resolve(service.module() + ".log"));
    }

    private void launch(Service service, String database, Path log) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        String prefix = service.name().toUpperCase();
        // the service's own role, owner of its database only (a scratch database too); its migrations run as it
        Infra.ServiceDatabase own = Infra.createServiceDatabase(infrastructure.admin(), database, service.database());
        env.put(prefix + "_DB_URL", own.url());
        env.put(prefix + "_PORT", String.valueOf(service.port()));
        env.put("PG_USER", own.user());
        env.put("PG_PASSWORD", own.password());
        env.putAll(infrastructure.kafka().environment()); // bootstrap servers, TLS trust store, SASL login
        env.put("JWT_SECRET", infrastructure.jwtSecret());
        // the local run: the repository's keys are accepted (PublishedSecretsCheck) and so are the HS256 tokens
        // signed with JWT_SECRET (Tokens) beside the OIDC server's; extraEnv may say otherwise (a production start)
        env.put("MICRONAUT_ENVIRONMENTS", "local");
        env.put("SHARED_SECRET_TOKENS", "true");
        env.putAll(extraEnv);
        Path jar = runnableJar(service);
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx" + Infra.envOr("SERVICE_HEAP", "384m"),
                "-XX:+UseSerialGC"));
        // C1 only by default: quicker to start and to warm on 2 cores; SERVICE_JIT=full keeps C2 for long runs
        if (!"full".equals(Infra.envOr("SERVICE_JIT", "c1"))) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        settleArchive(service.name(), false); // of an earlier JVM of this service that ended on its own
        Path archive = classArchive(service, jar);
        if (Files.isRegularFile(archive)) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
        } else if (writeClassArchives) {
            deleteAbandonedArchives(archive);
            // written when the JVM exits; a unique name, so two JVMs of one jar never write the same file
            Path pending = archive.resolveSibling(archive.getFileName() + "." + System.nanoTime() + ".tmp");
            pendingArchives.put(service.name(), pending);
            // the dump warns of every class it leaves out (generated accessors, JFR events): errors only
            command.addAll(List.of("-XX:ArchiveClassesAtExit=" + pending, "-Xlog:cds*=error"));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(repository.toFile()) // relative defaults (e.g. ../shared/istandaarden) are from the root
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        running.put(service.name(), builder.start());
    }

    /** The class archive of this copy of the jar: named by the jar's size and modification time. */
    private static Path classArchive(Service service, Path jar) throws IOException {
        return jar.resolveSibling(service.module() + "-" + Files.size(jar) + "-"
                + Files.getLastModifiedTime(jar).toMillis() + ".jsa");
    }

    /**
     * After the service's JVM has exited: a graceful exit wrote its archive whole, so it becomes the jar's archive
     * (older ones of the module go); after SIGKILL or a forced stop the file may be cut short and is deleted.
     */
    private void settleArchive(String name, boolean exitedGracefully) {
        Path pending = pendingArchives.remove(name);
        if (pending == null) {
            return;
        }
        try {
            if (exitedGracefully && Files.isRegularFile(pending) && Files.size(pending) > 0) {
                String archive = pending.getFileName().toString().replaceFirst("\\.\\d+\\.tmp$", "");
                String module = service(name).module();
                try (var old = Files.list(pending.getParent())) {
                    for (Path other : old.filter(p -> p.getFileName().toString().matches(
                            java.util.regex.Pattern.quote(module) + "-\\d+-\\d+\\.jsa")).toList()) {
                        Files.deleteIfExists(other);
                    }
                }
                Files.move(pending, pending.resolveSibling(archive), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(pending);
            }
        } catch (IOException e) {
            // without an archive the next start is an ordinary one
            System.err.println("class archive of " + name + " not kept: " + e);
        }
    }

    /**
     * Archives whose JVM outlived the JVM that started it (killed before it could settle them) are never known to
     * be whole: after an hour, long past any dump, they go.
     */
    private static void deleteAbandonedArchives(Path archive) throws IOException {
        long hourAgo = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1);
        String prefix = archive.getFileName().toString().replaceFirst("-\\d+-\\d+\\.jsa$", "-");
        try (var files = Files.list(archive.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".tmp")).toList()) {
                if (Files.getLastModifiedTime(file).toMillis() < hourAgo) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private void dropDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(infrastructure.pgAdminUrl(), infrastructure.pgUser(),
                infrastructure.pgPassword()); Statement st = c.createStatement()) {
            st.execute("drop database if exists \"" + name + "\" with (force)");
        }
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
            // one copy at a time per JVM: two platforms (the replicas of a test) share the directory, and a copy
            // of an unchanged jar is left as it is, as the JVMs already running from it need it whole
            synchronized (ServiceProcesses.class) {
                Files.createDirectories(copy.getParent());
                if (!Files.exists(copy) || Files.size(copy) != Files.size(built)
                        || !Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(built))) {
                    // the copy keeps the built jar's time: the class archive of an unchanged jar stays valid
                    Files.copy(built, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
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

    /**
     * Stops the services gracefully, all at once and before the broker: a consumer whose broker is gone holds up its
     * JVM's shutdown, and a JVM writing its class archive takes seconds more; so every service has its SIGTERM
     * before this waits for the first, and even when this JVM is cut short (a test fork's exit timeout) they all end.
     */
    @Override
    public void close() {
        stopAll(60);
    }

    private void stopAll(long archiveWaitSeconds) {
        List<Map.Entry<String, Process>> processes = new ArrayList<>(running.entrySet());
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).getValue().destroy();
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            String name = processes.get(i).getKey();
            Process process = processes.get(i).getValue();
            boolean graceful = false;
            try {
                // writing a class archive at exit takes a few seconds more
                long waitSeconds = pendingArchives.containsKey(name) ? archiveWaitSeconds : 20;
                graceful = process.waitFor(waitSeconds, TimeUnit.SECONDS);
                if (!graceful) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            // 143: ended by SIGTERM after its shutdown hooks and the archive's dump
            settleArchive(name, graceful && (process.exitValue() == 0 || process.exitValue() == 143));
        }
        running.clear();
    }
}
