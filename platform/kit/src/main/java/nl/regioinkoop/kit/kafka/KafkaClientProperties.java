package nl.regioinkoop.kit.kafka;

import io.micronaut.context.env.Environment;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The service's {@code kafka.*} configuration as a hand-built client's properties: the bootstrap servers and the
 * security settings (security.protocol, sasl.*, ssl.*: a TLS trust store, a SASL mechanism and login), exactly what
 * Micronaut's own listeners and producers read from the same keys. The outbox relay's producer and monitoring's
 * rebuild consumer take theirs from here, so a broker that wants TLS and SASL works for every client alike.
 * Blank values are unset ones (the services map {@code ${KAFKA_SASL_MECHANISM:}} and friends): they are left out.
 */
@Singleton
public class KafkaClientProperties {
    /** Every client setting Kafka knows that the admin, producer and consumer clients share. */
    private static final Set<String> CLIENT_KEYS = AdminClientConfig.configNames();

    private final Map<String, Object> common;

    @Inject
    KafkaClientProperties(Environment environment) {
        this(environment.containsProperties("kafka") ? environment.getProperties("kafka") : Map.of());
    }

    /** @param kafkaConfiguration the properties under {@code kafka}, e.g. {@code security.protocol} */
    public KafkaClientProperties(Map<String, ?> kafkaConfiguration) {
        this.common = Map.copyOf(connectionSettings(kafkaConfiguration));
    }

    /** A new, mutable configuration of one client: where the broker is, how to log in, and its client id. */
    public Map<String, Object> forClient(String clientId) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /** The keys set, for a log line; never the values (a JAAS login holds a password). */
    public Set<String> keys() {
        return new TreeMap<>(common).keySet();
    }

    /**
     * From the properties under {@code kafka} (as {@code bootstrap.servers}, {@code security.protocol}, ...): the
     * bootstrap servers and every set security setting Kafka knows. The rest ({@code consumers.*}, {@code health.*},
     * variants Micronaut derives from environment variable names such as {@code sasl.jaas-config}) is not a
     * connection setting.
     */
    static Map<String, Object> connectionSettings(Map<String, ?> kafkaConfiguration) {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfiguration.forEach((key, value) -> {
            if (value == null || value.toString().isBlank() || !CLIENT_KEYS.contains(key)) {
                return;
            }
            if (key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) || key.startsWith("security.")
                    || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                settings.put(key, value.toString());
            }
        });
        if (!settings.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalStateException("kafka.bootstrap.servers is not set");
        }
        return settings;
    }
}
