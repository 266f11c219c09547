package nl.regioinkoop.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.regioinkoop.testkit.EmbeddedKafka;
import nl.regioinkoop.testkit.Infra;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server (binaries from Maven Central) and a real Kafka broker (KRaft) on fixed loopback ports,
 * with their data kept under {@code .local/} between runs. Runs in a JVM of its own: a fatal broker fault halts
 * its JVM, and the services must be stopped before the broker anyway.
 */
public final class LocalInfrastructure {
    static final String READY = "LOCAL INFRASTRUCTURE READY";

    private LocalInfrastructure() {
    }

    public static void main(String[] args) throws Exception {
        int pgPort = Integer.parseInt(Infra.envOr("PG_PORT", "15432"));
        int kafkaPort = Integer.parseInt(Infra.envOr("KAFKA_PORT", "19092"));
        Path base = Path.of(Infra.envOr("LOCAL_DIR", ".local")).toAbsolutePath();
        Path pgData = base.resolve("pg");
        Files.createDirectories(pgData);

        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(pgPort)
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("synchronous_commit", "off")
                .start();
        // the services' databases and roles are made by ServiceProcesses, which hands each service its own login
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
        System.out.printf("postgres  %s (%d ms)%n", adminUrl, (System.nanoTime() - started) / 1_000_000);

        started = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.start(kafkaPort, base.resolve("kafka"));
        System.out.printf("kafka     %s (%d ms)%n", kafka.bootstrapServers(), (System.nanoTime() - started) / 1_000_000);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            try {
                postgres.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
            System.out.println("infrastructure stopped");
        }));
        System.out.println(READY);
        Thread.currentThread().join();
    }
}
