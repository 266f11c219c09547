package nl.regioinkoop.testkit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Puts a message on a topic as another service's outbox relay would, for consumer tests and redelivery. */
public final class TopicWriter {
    private TopicWriter() {
    }

    /** @param bootstrapServers a broker this JVM knows how to log in to ({@link KafkaClientSettings#of}) */
    public static void send(String bootstrapServers, String topic, String key, String type, String json) {
        send(KafkaClientSettings.of(bootstrapServers), topic, key, type, json);
    }

    public static void send(KafkaClientSettings broker, String topic, String key, String type, String json) {
        Map<String, Object> config = broker.clientConfig(Map.of(ProducerConfig.ACKS_CONFIG, "all"));
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            record.headers().add(new RecordHeader("type", type.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }
}
