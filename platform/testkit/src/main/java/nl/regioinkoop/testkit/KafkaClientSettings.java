package nl.regioinkoop.testkit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a Kafka client needs to reach one broker: its bootstrap servers and, for a secured broker, the security
 * settings: the keys of the services' {@code kafka.*} configuration ({@code security.protocol}, {@code sasl.mechanism},
 * {@code sasl.jaas.config}, {@code ssl.truststore.location/password/type}). The tools of deploy/ and the tests build
 * their clients from it ({@link #clientConfig()}) and hand it to service processes as their environment
 * ({@link #environment()}).
 *
 * <p>{@link #of(String)} finds the settings of a broker this JVM started or was pointed at by its bootstrap servers,
 * so a tool that is only told where the broker is ({@link TopicReader}) reaches a secured one too.
 */
public record KafkaClientSettings(String bootstrapServers, Map<String, String> security) {

    /** The services' environment variables and the client keys they set (each service's application.yml). */
    public static final Map<String, String> ENVIRONMENT = environmentKeys();

    private static final Map<String, KafkaClientSettings> KNOWN = new ConcurrentHashMap<>();

    public KafkaClientSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("no bootstrap servers");
        }
        Map<String, String> kept = new LinkedHashMap<>();
        security.forEach((key, value) -> {
            if (value != null && !value.isBlank()) { // unset is unset: a blank security.protocol is no protocol
                kept.put(key, value);
            }
        });
        security = Map.copyOf(kept);
    }

    public static KafkaClientSettings plaintext(String bootstrapServers) {
        return new KafkaClientSettings(bootstrapServers, Map.of());
    }

    /**
     * Settings from environment variables (or system properties) named like the services': with prefix
     * {@code KAFKA_} these are {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, ...; unset ones are
     * left out, so a plaintext broker needs none of them.
     */
    public static KafkaClientSettings fromEnvironment(String bootstrapServers, String prefix) {
        return fromEnvironment(bootstrapServers, prefix, Infra::env);
    }

    static KafkaClientSettings fromEnvironment(String bootstrapServers, String prefix, Function<String, String> env) {
        Map<String, String> security = new LinkedHashMap<>();
        ENVIRONMENT.forEach((variable, key) -> {
            String value = env.apply(prefix + variable.substring("KAFKA_".length()));
            if (value != null) {
                security.put(key, value);
            }
        });
        return new KafkaClientSettings(bootstrapServers, security);
    }

    /**
     * The settings this JVM knows for the broker at {@code bootstrapServers}: of a broker it started
     * ({@link EmbeddedKafka}) or was pointed at ({@link Infra#kafka()}, {@code KAFKA_BOOTSTRAP_SERVERS} with the
     * {@code KAFKA_*} settings); else plaintext.
     */
    public static KafkaClientSettings of(String bootstrapServers) {
        KafkaClientSettings known = KNOWN.get(bootstrapServers);
        if (known != null) {
            return known;
        }
        if (bootstrapServers.equals(Infra.env("KAFKA_BOOTSTRAP_SERVERS"))) {
            return fromEnvironment(bootstrapServers, "KAFKA_");
        }
        return plaintext(bootstrapServers);
    }

    /** Makes {@link #of(String)} find these settings for their bootstrap servers. */
    static KafkaClientSettings register(KafkaClientSettings settings) {
        KNOWN.put(settings.bootstrapServers(), settings);
        return settings;
    }

    public boolean secured() {
        return !security.isEmpty();
    }

    /** A new, mutable client configuration: the bootstrap servers and the security settings. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(security);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    /** {@link #clientConfig()} and the client's own settings. */
    public Map<String, Object> clientConfig(Map<String, ?> more) {
        Map<String, Object> config = clientConfig();
        config.putAll(more);
        return config;
    }

    /** The environment of a service process: {@code KAFKA_BOOTSTRAP_SERVERS} and the set security variables. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        ENVIRONMENT.forEach((variable, key) -> {
            if (security.containsKey(key)) {
                env.put(variable, security.get(key));
            }
        });
        return env;
    }

    /** The same as Micronaut properties of an application context under test ({@code kafka.*}). */
    public Map<String, String> micronautProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kafka.bootstrap.servers", bootstrapServers);
        security.forEach((key, value) -> properties.put("kafka." + key, value));
        return properties;
    }

    /** As a client that knows the broker's protocol and trust store but has no credentials: no JAAS login. */
    public KafkaClientSettings withoutCredentials() {
        Map<String, String> without = new LinkedHashMap<>(security);
        without.remove("sasl.jaas.config");
        return new KafkaClientSettings(bootstrapServers, without);
    }

    /** The same broker as another SCRAM user. */
    public KafkaClientSettings withScramCredentials(String user, String password) {
        Map<String, String> other = new LinkedHashMap<>(security);
        other.put("sasl.jaas.config", scramJaasConfig(user, password));
        return new KafkaClientSettings(bootstrapServers, other);
    }

    static String scramJaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Never prints a password or a JAAS login. */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        security.forEach((key, value) -> shown.put(key,
                key.contains("password") || key.contains("jaas") ? "(set)" : value));
        return "KafkaClientSettings[" + bootstrapServers + ", " + shown + "]";
    }

    private static Map<String, String> environmentKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("KAFKA_SECURITY_PROTOCOL", "security.protocol");
        keys.put("KAFKA_SASL_MECHANISM", "sasl.mechanism");
        keys.put("KAFKA_SASL_JAAS_CONFIG", "sasl.jaas.config");
        keys.put("KAFKA_SSL_TRUSTSTORE_LOCATION", "ssl.truststore.location");
        keys.put("KAFKA_SSL_TRUSTSTORE_PASSWORD", "ssl.truststore.password");
        keys.put("KAFKA_SSL_TRUSTSTORE_TYPE", "ssl.truststore.type");
        return java.util.Collections.unmodifiableMap(keys);
    }
}
