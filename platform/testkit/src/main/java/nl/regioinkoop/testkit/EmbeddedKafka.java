package nl.regioinkoop.testkit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) in this JVM, from Apache Kafka's own jars.
 * A fatal broker fault halts its JVM: the local run therefore keeps it in a process of its own.
 */
public final class EmbeddedKafka implements AutoCloseable {
    /** The SCRAM mechanism of a secured broker. */
    public static final String SCRAM = "SCRAM-SHA-512";
    /** The user a secured broker's clients log in as (the services, the tools). */
    public static final String CLIENT_USER = "regio";

    private final KafkaRaftServer server;
    private final KafkaClientSettings clientSettings;
    private final Path logDir;
    private final Path deleteOnClose;

    private EmbeddedKafka(KafkaRaftServer server, KafkaClientSettings clientSettings, Path logDir, Path deleteOnClose) {
        this.server = server;
        this.clientSettings = clientSettings;
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * A broker with one PLAINTEXT listener.
     *
     * @param port   0 for a free port
     * @param logDir null for a temporary directory removed on close; an existing one keeps its topics
     */
    public static EmbeddedKafka start(int port, Path logDir) throws Exception {
        return start(port, logDir, false);
    }

    /** A broker whose one listener is SASL_SSL ({@link #start(int, Path, boolean)}), on a free port, temporary. */
    public static EmbeddedKafka startSecured() throws Exception {
        return start(0, null, true);
    }

    /**
     * @param secured false: one PLAINTEXT listener. true: one SASL_SSL listener (also between brokers) that takes
     *                SCRAM-SHA-512 logins only, with a self-signed certificate for 127.0.0.1 made by the JDK's
     *                keytool; the SCRAM credentials of the broker and of {@link #CLIENT_USER} are written into the
     *                cluster's metadata when the log directory is formatted (the broker's own
     *                {@code kafka-storage format --add-scram}). The certificate and the passwords live beside
     *                the log directory ({@code <logDir>-tls}), so a restart on a kept directory finds them again.
     *                {@link #clientSettings()} says how to log in.
     */
    public static EmbeddedKafka start(int port, Path logDir, boolean secured) throws Exception {
        boolean temporary = logDir == null;
        Path base = temporary ? Files.createTempDirectory("embedded-kafka-") : null;
        Path dir = temporary ? base.resolve("log") : logDir;
        Files.createDirectories(dir);
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        String bootstrap = "127.0.0.1:" + brokerPort;
        String listener = secured ? "SASL_SSL" : "PLAINTEXT";
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", listener + "://" + bootstrap + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", listener + "://" + bootstrap);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", listener);
        p.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.toString());
        p.put("num.partitions", Infra.envOr("KAFKA_PARTITIONS", "3"));
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.retention.hours", "-1"); // monitoring rebuilds from the beginning of the topics
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024)); // default takes 128 MiB of heap
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        KafkaClientSettings clients = KafkaClientSettings.plaintext(bootstrap);
        List<String> scram = List.of();
        if (secured) {
            BrokerTls tls = BrokerTls.in(temporary ? base.resolve("tls") : dir.resolveSibling(dir.getFileName() + "-tls"));
            p.put("sasl.enabled.mechanisms", SCRAM);
            p.put("sasl.mechanism.inter.broker.protocol", SCRAM);
            p.put("listener.name.sasl_ssl." + SCRAM.toLowerCase() + ".sasl.jaas.config",
                    KafkaClientSettings.scramJaasConfig("broker", tls.brokerPassword()));
            p.put("ssl.keystore.type", "PKCS12");
            p.put("ssl.keystore.location", tls.keyStore().toString());
            p.put("ssl.keystore.password", tls.storePassword());
            p.put("ssl.key.password", tls.storePassword());
            p.put("ssl.truststore.type", "PKCS12");
            p.put("ssl.truststore.location", tls.trustStore().toString());
            p.put("ssl.truststore.password", tls.storePassword());
            p.put("ssl.client.auth", "none");
            scram = List.of(SCRAM + "=[name=broker,password=" + tls.brokerPassword() + "]",
                    SCRAM + "=[name=" + CLIENT_USER + ",password=" + tls.clientPassword() + "]");
            clients = new KafkaClientSettings(bootstrap, Map.of(
                    "security.protocol", "SASL_SSL",
                    "sasl.mechanism", SCRAM,
                    "sasl.jaas.config", KafkaClientSettings.scramJaasConfig(CLIENT_USER, tls.clientPassword()),
                    "ssl.truststore.location", tls.trustStore().toString(),
                    "ssl.truststore.password", tls.storePassword(),
                    "ssl.truststore.type", "PKCS12"));
        }
        KafkaConfig config = new KafkaConfig(p, false);

        if (!Files.exists(dir.resolve("meta.properties"))) { // format once: a kept directory keeps its cluster id
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(dir.toString())
                    .setDirectories(List.of(dir.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setScramArguments(scram)
                    .run();
        }

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady(clients);
        return new EmbeddedKafka(server, KafkaClientSettings.register(clients), dir, temporary ? base : null);
    }

    private static void awaitReady(KafkaClientSettings clients) throws Exception {
        try (Admin admin = Admin.create(clients.clientConfig())) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        }
    }

    /** How a client reaches and logs in to this broker. */
    public KafkaClientSettings clientSettings() {
        return clientSettings;
    }

    public String bootstrapServers() {
        return clientSettings.bootstrapServers();
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose != null) {
            Infra.deleteRecursively(deleteOnClose);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
