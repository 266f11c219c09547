package nl.regioinkoop.kit.kafka;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Leaves blank {@code kafka.*} values out of the configuration Micronaut's listeners and producers start from: the
 * services map {@code kafka.security.protocol: ${KAFKA_SECURITY_PROTOCOL:}} and the other security settings, and an
 * unset variable must mean "not set" (plaintext) rather than an empty protocol, which Kafka refuses.
 */
@Singleton
class UnsetKafkaSettings implements BeanCreatedEventListener<KafkaDefaultConfiguration> {
    @Override
    public KafkaDefaultConfiguration onCreated(BeanCreatedEvent<KafkaDefaultConfiguration> event) {
        KafkaDefaultConfiguration configuration = event.getBean();
        configuration.getConfig().entrySet().removeIf(e -> e.getValue() == null || e.getValue().toString().isBlank());
        return configuration;
    }
}
