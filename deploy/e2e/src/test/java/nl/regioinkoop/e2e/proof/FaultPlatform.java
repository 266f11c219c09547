package nl.regioinkoop.e2e.proof;

import nl.regioinkoop.local.ServiceProcesses;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.EmbeddedKafka;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.Tokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A platform of its own for the fault and replica tests, so that killing services and stopping the broker disturbs
 * nobody: its own Kafka broker on a fixed port with a log directory that survives a stop (SASL_SSL like the shared
 * one when {@code TEST_KAFKA_SECURITY=sasl_ssl}), and the four services as processes on databases
 * {@code <name>_<service>} of the test JVM's PostgreSQL server; with more than one replica, each replica of a service
 * is a process of its own on its own port, on the same database and broker.
 */
final class FaultPlatform implements AutoCloseable {
    static final List<String> SERVICES = List.of("access", "contracting", "provider", "monitoring");

    final String name;
    /** The first replica's logs. */
    final Path logs;
    /** Every replica's logs. */
    final List<Path> logDirs;
    final Path kafkaDir;
    final int kafkaPort;
    /** The first replica of every service. */
    final ServiceProcesses processes;
    /** Per replica (0, 1, ...), one process of each service. */
    final List<ServiceProcesses> replicas;
    /** The clients' view of the first replica. */
    final World world;
    /** Per replica, the clients' view of it: the same tokens, that replica's addresses. */
    final List<World> worlds;
    private EmbeddedKafka broker;

    private FaultPlatform(String name, int kafkaPort, EmbeddedKafka broker, List<ServiceProcesses> replicas,
                          List<World> worlds) {
        this.name = name;
        this.logs = logs(name, replicas.size(), 0);
        List<Path> dirs = new ArrayList<>();
        for (int r = 0; r < replicas.size(); r++) {
            dirs.add(logs(name, replicas.size(), r));
        }
        this.logDirs = List.copyOf(dirs);
        this.kafkaDir = kafkaDir(name);
        this.kafkaPort = kafkaPort;
        this.broker = broker;
        this.replicas = List.copyOf(replicas);
        this.processes = replicas.get(0);
        this.worlds = List.copyOf(worlds);
        this.world = worlds.get(0);
    }

    /** The fault test's platform: one process of each service, databases {@code fault_*}. */
    static FaultPlatform start() throws Exception {
        return start("fault", 1);
    }

    /**
     * @param name     the databases' prefix and the name of the directories under target/
     * @param replicas processes per service; their JVMs start side by side
     */
    static FaultPlatform start(String name, int replicas) throws Exception {
        List<Path> logDirs = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            logDirs.add(logs(name, replicas, r));
            deleteRecursively(logDirs.get(r));
        }
        Path kafkaDir = kafkaDir(name);
        deleteRecursively(kafkaDir);
        int kafkaPort = EmbeddedKafka.freePort();
        EmbeddedKafka broker = EmbeddedKafka.start(kafkaPort, kafkaDir, Infra.securedKafkaWanted());
        Infra.Pg pg = Infra.postgres();
        for (String service : SERVICES) {
            dropDatabase(pg, database(name, service));
            // created here once: replicas starting side by side would each try to create it
            Infra.createDatabase(pg.adminUrl(), pg.user(), pg.password(), database(name, service));
        }
        Path jars = copyOfTheJars(name);
        List<ServiceProcesses> processes = new ArrayList<>();
        List<World> worlds = new ArrayList<>();
        try {
            for (int r = 0; r < replicas; r++) {
                ServiceProcesses replica = new ServiceProcesses(jars, logDirs.get(r),
                        SERVICES.stream().map(s -> new ServiceProcesses.Service(s + "-service", database(name, s),
                                freePort())).toList(),
                        new ServiceProcesses.Infrastructure(pg.adminUrl(), pg.user(), pg.password(),
                                broker.clientSettings(), Tokens.LOCAL_SECRET), Map.of("SERVICE_HEAP", "320m"));
                processes.add(replicas == 1 ? replica : replica.writingNoClassArchives());
                worlds.add(new World(new Api(replica.service("access").url()),
                        new Api(replica.service("contracting").url()), new Api(replica.service("provider").url()),
                        new Api(replica.service("monitoring").url()), new Tokens(Tokens.LOCAL_SECRET)));
            }
            startSideBySide(processes);
        } catch (Exception e) {
            processes.forEach(ServiceProcesses::close);
            broker.close();
            throw e;
        }
        return new FaultPlatform(name, kafkaPort, broker, processes, worlds);
    }

    /** Every replica's services at once: the migrations of one database run once (Flyway locks it). */
    private static void startSideBySide(List<ServiceProcesses> replicas) throws Exception {
        if (replicas.size() == 1) {
            replicas.get(0).startAll();
            return;
        }
        List<Thread> starts = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (ServiceProcesses replica : replicas) {
            Thread start = new Thread(() -> {
                try {
                    replica.startAll();
                } catch (Exception e) {
                    failures.add(e);
                }
            }, "starting-replica");
            start.start();
            starts.add(start);
        }
        for (Thread start : starts) {
            start.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private static Path logs(String name, int replicas, int replica) {
        return Path.of("target", replicas == 1 ? name + "-logs" : name + "-logs-" + (char) ('a' + replica))
                .toAbsolutePath();
    }

    private static Path kafkaDir(String name) {
        return Path.of("target", name + "-kafka").toAbsolutePath();
    }

    static String database(String name, String service) {
        return name + "_" + service;
    }

    /** The fault test's database of a service. */
    static String database(String service) {
        return database("fault", service);
    }

    /** This platform's database of a service. */
    String databaseOf(String service) {
        return database(name, service);
    }

    String bootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    Wire wire() {
        return new Wire(bootstrap());
    }

    /** Stops the broker; its log directory stays, so a start on the same port finds every topic again. */
    void stopBroker() {
        broker.close();
        broker = null;
    }

    void startBroker() throws Exception {
        broker = EmbeddedKafka.start(kafkaPort, kafkaDir, Infra.securedKafkaWanted());
    }

    /** Services first: a consumer whose broker is gone holds up its JVM's shutdown. */
    @Override
    public void close() {
        replicas.forEach(ServiceProcesses::close);
        if (broker != null) {
            broker.close();
        }
    }

    private static int freePort() {
        try {
            return EmbeddedKafka.freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The services' jars copied aside: a colleague rebuilding a service while this test runs would otherwise
     * replace the jar under a running JVM, which then fails to load its next class (seen as NoClassDefFoundError).
     */
    private static Path copyOfTheJars(String name) throws IOException {
        Path repository = Path.of("../..").toAbsolutePath().normalize();
        Path copy = Path.of("target", name + "-jars").toAbsolutePath();
        for (String service : SERVICES) {
            Path jar = Path.of(service + "-service", "target", service + "-service-0.1.0-SNAPSHOT.jar");
            Files.createDirectories(copy.resolve(jar).getParent());
            // with its time: the copy beside the logs then finds the class archive made for the built jar
            Files.copy(repository.resolve(jar), copy.resolve(jar), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        return copy;
    }

    /** The fault test's own databases only: a rerun on an external server starts clean. */
    private static void dropDatabase(Infra.Pg pg, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.adminUrl(), pg.user(), pg.password());
             Statement st = c.createStatement()) {
            st.execute("drop database if exists \"" + name + "\" with (force)");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
