package nl.regioinkoop.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a topic from its beginning to its current end, without a consumer group: what is on the wire now. */
public final class TopicReader {
    private TopicReader() {
    }

    /** A record as read; {@code headers} holds each header's last value as text. */
    public record Message(String key, String value, String type, Map<String, String> headers) {
        public Message(String key, String value, String type) {
            this(key, value, type, Map.of());
        }
    }

    /** @param bootstrapServers a broker this JVM knows how to log in to ({@link KafkaClientSettings#of}) */
    public static List<Message> readAll(String bootstrapServers, String topic) {
        return readAll(KafkaClientSettings.of(bootstrapServers), topic);
    }

    public static List<Message> readAll(KafkaClientSettings broker, String topic) {
        Map<String, Object> config = broker.clientConfig(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            List<Message> messages = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 30 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    r.headers().forEach(h -> headers.put(h.key(),
                            h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8)));
                    messages.add(new Message(r.key(), r.value(), headers.get("type"), headers));
                }
            }
            return messages;
        }
    }
}
