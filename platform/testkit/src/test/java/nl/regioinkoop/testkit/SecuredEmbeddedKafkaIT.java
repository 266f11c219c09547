package nl.regioinkoop.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SASL_SSL broker: the clients' own login works, and the broker refuses a client that has none. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredEmbeddedKafkaIT {
    private EmbeddedKafka broker;

    @BeforeAll
    void start() throws Exception {
        broker = EmbeddedKafka.startSecured();
    }

    @AfterAll
    void stop() {
        broker.close();
    }

    @Test
    void aClientWithTheBrokersSettingsPublishesAndReads() {
        KafkaClientSettings settings = broker.clientSettings();
        assertEquals("SASL_SSL", settings.security().get("security.protocol"));
        assertEquals("SCRAM-SHA-512", settings.security().get("sasl.mechanism"));
        assertFalse(settings.toString().contains(settings.security().get("ssl.truststore.password")),
                "no password in toString");

        TopicWriter.send(settings, "secured.samples.v1", "k1", "Sampled", "{\"n\":1}");

        // only the bootstrap servers: found again as this JVM's secured broker
        var read = TopicReader.readAll(broker.bootstrapServers(), "secured.samples.v1");
        assertEquals(1, read.size());
        assertEquals("{\"n\":1}", read.get(0).value());
    }

    @Test
    void theBrokerRefusesAWrongPassword() {
        ExecutionException refused = assertThrows(ExecutionException.class, () -> listTopics(
                broker.clientSettings().withScramCredentials(EmbeddedKafka.CLIENT_USER, "not-the-password")));
        assertInstanceOf(SaslAuthenticationException.class, refused.getCause(), refused.toString());
        assertTrue(refused.getCause().getMessage().contains("invalid credentials"), refused.getCause().getMessage());
    }

    @Test
    void theBrokerRefusesAnUnknownUser() {
        ExecutionException refused = assertThrows(ExecutionException.class, () -> listTopics(
                broker.clientSettings().withScramCredentials("mallory", "guess")));
        assertInstanceOf(SaslAuthenticationException.class, refused.getCause(), refused.toString());
    }

    @Test
    void theBrokerRefusesClientsWithoutCredentials() throws Exception {
        double failedBefore = failedAuthentications();
        // TLS with the right trust store but no SASL login, and a plaintext client: neither gets an answer
        KafkaClientSettings tlsOnly = new KafkaClientSettings(broker.bootstrapServers(), Map.of(
                "security.protocol", "SSL",
                "ssl.truststore.location", broker.clientSettings().security().get("ssl.truststore.location"),
                "ssl.truststore.password", broker.clientSettings().security().get("ssl.truststore.password"),
                "ssl.truststore.type", "PKCS12"));
        assertThrows(Exception.class, () -> listTopics(tlsOnly));
        assertThrows(Exception.class, () -> listTopics(KafkaClientSettings.plaintext(broker.bootstrapServers())));
        // and the broker says so: it counted the refused logins
        assertTrue(failedAuthentications() > failedBefore, "the broker counted failed authentications");
    }

    private static void listTopics(KafkaClientSettings settings) throws Exception {
        try (Admin admin = Admin.create(settings.clientConfig(Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000)))) {
            admin.listTopics().names().get(10, TimeUnit.SECONDS);
        }
    }

    /** The broker's own count of connections whose authentication failed, over its network threads. */
    private static double failedAuthentications() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        double total = 0;
        for (ObjectName name : server.queryNames(new ObjectName(
                "kafka.server:type=socket-server-metrics,listener=SASL_SSL,networkProcessor=*"), null)) {
            total += ((Number) server.getAttribute(name, "failed-authentication-total")).doubleValue();
        }
        return total;
    }
}
