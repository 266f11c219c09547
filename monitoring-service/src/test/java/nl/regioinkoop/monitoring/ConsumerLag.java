package nl.regioinkoop.monitoring;

import nl.regioinkoop.testkit.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Waits until the monitoring consumer groups have committed every message on their topics: then all events a test
 * published (duplicates included) have been applied or skipped.
 */
public final class ConsumerLag {
    private ConsumerLag() {
    }

    public static void awaitConsumed(String bootstrap, Map<String, String> topicByGroup) {
        try (Admin admin = Admin.create(KafkaClientSettings.of(bootstrap).clientConfig())) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertEquals("", lag(admin, topicByGroup), "consumer lag"));
        }
    }

    private static String lag(Admin admin, Map<String, String> topicByGroup) throws Exception {
        Set<String> topics = admin.listTopics().names().get();
        StringBuilder lag = new StringBuilder();
        for (Map.Entry<String, String> e : topicByGroup.entrySet()) {
            String group = e.getKey();
            String topic = e.getValue();
            if (!topics.contains(topic)) {
                continue; // nothing was ever published there
            }
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            for (TopicPartition p : partitions) {
                long end = ends.get(p).offset();
                OffsetAndMetadata c = committed.get(p);
                if (end > 0 && (c == null || c.offset() < end)) {
                    lag.append(group).append(' ').append(p).append(" at ").append(c == null ? "-" : c.offset())
                            .append(" of ").append(end).append("; ");
                }
            }
        }
        return lag.toString();
    }
}
