package nl.regioinkoop.kit.kafka;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KafkaClientPropertiesTest {

    @Test
    void takesTheBootstrapServersAndTheSetSecuritySettings() {
        Map<String, Object> kafka = new LinkedHashMap<>();
        kafka.put("bootstrap.servers", "broker-1:9093,broker-2:9093");
        kafka.put("security.protocol", "SASL_SSL");
        kafka.put("sasl.mechanism", "SCRAM-SHA-512");
        kafka.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"access\" password=\"s\";");
        kafka.put("ssl.truststore.location", "/etc/kafka/truststore.p12");
        kafka.put("ssl.truststore.password", "t");
        kafka.put("ssl.truststore.type", "PKCS12");

        Map<String, Object> client = new KafkaClientProperties(kafka).forClient("access-service-outbox");

        Map<String, Object> expected = new LinkedHashMap<>(kafka);
        expected.put("client.id", "access-service-outbox");
        assertEquals(expected, client);
    }

    @Test
    void leavesUnsetAndUnknownSettingsOut() {
        Map<String, Object> kafka = new LinkedHashMap<>();
        kafka.put("bootstrap.servers", "127.0.0.1:19092");
        kafka.put("security.protocol", "");         // ${KAFKA_SECURITY_PROTOCOL:} unset
        kafka.put("sasl.mechanism", " ");
        kafka.put("sasl.jaas-config", "x");          // Micronaut's variant of an environment variable's name
        kafka.put("consumers.monitoring.max.poll.records", "5000");
        kafka.put("health.enabled", "false");

        Map<String, Object> client = new KafkaClientProperties(kafka).forClient("c");

        assertEquals(Map.of("bootstrap.servers", "127.0.0.1:19092", "client.id", "c"), client);
    }

    @Test
    void eachClientGetsItsOwnCopy() {
        KafkaClientProperties properties = new KafkaClientProperties(Map.of("bootstrap.servers", "b:9092"));
        properties.forClient("a").put("acks", "all");
        assertFalse(properties.forClient("b").containsKey("acks"));
    }

    @Test
    void refusesAConfigurationWithoutBootstrapServers() {
        assertThrows(IllegalStateException.class, () -> new KafkaClientProperties(Map.of("security.protocol", "SSL")));
    }
}
