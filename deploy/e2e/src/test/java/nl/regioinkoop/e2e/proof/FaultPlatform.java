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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A platform of its own for the fault test, so that killing services and stopping the broker disturbs nobody:
 * its own Kafka broker on a fixed port with a log directory that survives a stop (SASL_SSL like the shared one
 * when {@code TEST_KAFKA_SECURITY=sasl_ssl}), and the four services as
 * processes on databases {@code fault_<service>} of the test JVM's PostgreSQL server.
 */
final class FaultPlatform implements AutoCloseable {
    static final List<String> SERVICES = List.of("access", "contracting", "provider", "monitoring");

    final Path logs = Path.of("target", "fault-logs").toAbsolutePath();
    final Path kafkaDir = Path.of("target", "fault-kafka").toAbsolutePath();
    final int kafkaPort;
    final ServiceProcesses processes;
    final World world;
    private EmbeddedKafka broker;

    private FaultPlatform(int kafkaPort, EmbeddedKafka broker, ServiceProcesses processes, World world) {
        this.kafkaPort = kafkaPort;
        this.broker = broker;
        this.processes = processes;
        this.world = world;
    }

    static FaultPlatform start() throws Exception {
        Path logs = Path.of("target", "fault-logs").toAbsolutePath();
        Path kafkaDir = Path.of("target", "fault-kafka").toAbsolutePath();
        deleteRecursively(logs);
        deleteRecursively(kafkaDir);
        int kafkaPort = EmbeddedKafka.freePort();
        EmbeddedKafka broker = EmbeddedKafka.start(kafkaPort, kafkaDir, Infra.securedKafkaWanted());
        Infra.Pg pg = Infra.postgres();
        for (String service : SERVICES) {
            dropDatabase(pg, database(service));
        }
        ServiceProcesses processes = new ServiceProcesses(copyOfTheJars(), logs,
                SERVICES.stream().map(s -> new ServiceProcesses.Service(s + "-service", database(s), freePort()))
                        .toList(),
                new ServiceProcesses.Infrastructure(pg.adminUrl(), pg.user(), pg.password(),
                        broker.clientSettings(), Tokens.LOCAL_SECRET), Map.of("SERVICE_HEAP", "320m"));
        try {
            processes.startAll();
        } catch (Exception e) {
            processes.close();
            broker.close();
            throw e;
        }
        World world = new World(new Api(processes.service("access").url()),
                new Api(processes.service("contracting").url()), new Api(processes.service("provider").url()),
                new Api(processes.service("monitoring").url()), new Tokens(Tokens.LOCAL_SECRET));
        return new FaultPlatform(kafkaPort, broker, processes, world);
    }

    static String database(String service) {
        return "fault_" + service;
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
        processes.close();
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
    private static Path copyOfTheJars() throws IOException {
        Path repository = Path.of("../..").toAbsolutePath().normalize();
        Path copy = Path.of("target", "fault-jars").toAbsolutePath();
        for (String service : SERVICES) {
            Path jar = Path.of(service + "-service", "target", service + "-service-0.1.0-SNAPSHOT.jar");
            Files.createDirectories(copy.resolve(jar).getParent());
            Files.copy(repository.resolve(jar), copy.resolve(jar), StandardCopyOption.REPLACE_EXISTING);
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
