package nl.regioinkoop.kit.kafka;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The services' yml maps every security setting to a variable; unset, it must be no setting at all. */
@MicronautTest(transactional = false)
class UnsetKafkaSettingsIT extends RealInfrastructure {
    private static final List<String> SECURITY = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.type");

    @Inject
    KafkaDefaultConfiguration micronautKafka;
    @Inject
    KafkaClientProperties handBuilt;

    @Override
    protected String databaseName() {
        return "kit_kafka_settings";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kafka.security.protocol", "", "kafka.sasl.mechanism", "", "kafka.sasl.jaas.config", "",
                "kafka.ssl.truststore.location", "", "kafka.ssl.truststore.password", "",
                "kafka.ssl.truststore.type", "");
    }

    @Test
    void blankSecuritySettingsAreLeftOutOfEveryClient() {
        for (Map<?, ?> config : List.<Map<?, ?>>of(micronautKafka.getConfig(), handBuilt.forClient("test"))) {
            assertTrue(config.containsKey("bootstrap.servers"), config.toString());
            for (String key : SECURITY) {
                assertFalse(config.containsKey(key), key + " in " + config);
            }
            assertTrue(config.values().stream().noneMatch(v -> v.toString().isBlank()), config.toString());
        }
    }
}
