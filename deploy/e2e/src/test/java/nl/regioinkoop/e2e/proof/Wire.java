package nl.regioinkoop.e2e.proof;

import nl.regioinkoop.testkit.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What is on a broker: topics, records per topic, consumer groups' lag; and redelivery of everything. */
final class Wire {
    private final KafkaClientSettings broker;
    private final String bootstrap;

    /** @param bootstrap a broker this JVM knows how to log in to ({@link KafkaClientSettings#of}) */
    Wire(String bootstrap) {
        this(KafkaClientSettings.of(bootstrap));
    }

    Wire(KafkaClientSettings broker) {
        this.broker = broker;
        this.bootstrap = broker.bootstrapServers();
    }

    private Admin admin() {
        return Admin.create(broker.clientConfig(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000)));
    }

    /** The services' topics (internal ones left out). */
    List<String> topics() {
        try (Admin admin = admin()) {
            return admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get(30, TimeUnit.SECONDS)
                    .stream().sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("could not list topics on " + bootstrap, e);
        }
    }

    /** Records ever written per topic: the sum of its partitions' end offsets. */
    Map<String, Long> recordsPerTopic() {
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> ends = endOffsets(admin, topics());
            return ends.entrySet().stream().collect(Collectors.groupingBy(e -> e.getKey().topic(), TreeMap::new,
                    Collectors.summingLong(Map.Entry::getValue)));
        } catch (Exception e) {
            throw new IllegalStateException("could not read end offsets on " + bootstrap, e);
        }
    }

    /**
     * Per consumer group of the services ({@code <service>.<purpose>}), how many records it has not yet committed;
     * 0 everywhere means every reader caught up. Other groups (a test's own reader) are left out.
     */
    Map<String, Long> lagPerGroup() {
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> ends = endOffsets(admin, topics());
            Map<String, Long> lag = new TreeMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                if (!group.groupId().matches("(access|contracting|provider|monitoring)\\..+")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Collection<String> topicsOfGroup = committed.keySet().stream().map(TopicPartition::topic)
                        .collect(Collectors.toSet());
                long behind = 0;
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    if (!topicsOfGroup.contains(end.getKey().topic())) {
                        continue;
                    }
                    OffsetAndMetadata at = committed.get(end.getKey());
                    behind += end.getValue() - (at == null ? 0 : at.offset());
                }
                lag.put(group.groupId(), behind);
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("could not read consumer group offsets on " + bootstrap, e);
        }
    }

    /** Per event id (the relay's {@code eventId} header), how many records on the topics carry it. */
    Map<String, Long> recordsPerEventId() {
        Map<String, Long> counts = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : everything()) {
            org.apache.kafka.common.header.Header id = r.headers().lastHeader("eventId");
            String key = id == null ? "(no eventId header) " + r.topic() : new String(id.value(),
                    java.nio.charset.StandardCharsets.UTF_8);
            counts.merge(key, 1L, Long::sum);
        }
        return counts;
    }

    /** Per consumer group of the services, its members now (one per replica whose listener has joined). */
    Map<String, Integer> membersPerGroup() {
        try (Admin admin = admin()) {
            List<String> groups = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId)
                    .filter(g -> g.matches("(access|contracting|provider|monitoring)\\..+")).toList();
            Map<String, Integer> members = new TreeMap<>();
            admin.describeConsumerGroups(groups).all().get(30, TimeUnit.SECONDS)
                    .forEach((group, description) -> members.put(group, description.members().size()));
            return members;
        } catch (Exception e) {
            throw new IllegalStateException("could not describe the consumer groups on " + bootstrap, e);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws Exception {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                .get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> request = described.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
        return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Every record of every topic as it is now (key, value and headers), oldest first per partition. */
    List<ConsumerRecord<byte[], byte[]>> everything() {
        Map<String, Object> config = broker.clientConfig(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000));
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics()) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read every topic to its end within 2 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        records.add(r);
                    }
                }
            }
        }
        return records;
    }

    /**
     * Redelivers every record of every topic {@code times} more times, with its key and headers: as if every
     * relay had published everything again. Idempotent readers must not count any of it twice.
     *
     * @return how many records were published
     */
    long redeliverEverything(int times) {
        List<ConsumerRecord<byte[], byte[]>> records = everything();
        Map<String, Object> config = broker.clientConfig(Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5));
        long sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int round = 0; round < times; round++) {
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    // same partition as the original: one aggregate's events keep their order
                    producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.key(), r.value(), r.headers()));
                    sent++;
                }
                producer.flush();
            }
        }
        return sent;
    }
}
