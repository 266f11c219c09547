package nl.regioinkoop.bench;

import nl.regioinkoop.testkit.KafkaClientSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The broker's own limit for P2: as many messages as P2 issued allocations, of the same size, produced with the
 * outbox relay's producer settings (acks=all, idempotent, linger 5 ms, lz4) to a fresh topic on the same broker
 * and consumed by one consumer, from the first send to the last receipt.
 */
final class KafkaReference {
    record Result(int messages, double seconds, double messagesPerSecond, Latencies latency) {
    }

    private KafkaReference() {
    }

    static Result run(String bootstrap, int messages, byte[] payload) throws Exception {
        String topic = "bench.reference." + UUID.randomUUID().toString().substring(0, 8);
        KafkaClientSettings broker = KafkaClientSettings.of(bootstrap); // a secured broker's login too
        Map<String, Object> producerConfig = broker.clientConfig();
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Map<String, Object> consumerConfig = broker.clientConfig(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        Latencies latency = new Latencies();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                     new ByteArrayDeserializer())) {
            // create the topic and assign its partitions before the clock starts
            producer.send(new ProducerRecord<>(topic, "warm", payload)).get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            long started = System.nanoTime();
            Thread sender = new Thread(() -> {
                for (int i = 0; i < messages; i++) {
                    byte[] value = payload.clone();
                    ByteBuffer.wrap(value).putLong(System.nanoTime()); // the send time rides in the first 8 bytes
                    producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
                }
                producer.flush();
            }, "reference-producer");
            sender.start();
            int received = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (received < messages && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    latency.record(System.nanoTime() - ByteBuffer.wrap(record.value()).getLong());
                    received++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            sender.join();
            return new Result(received, seconds, received / seconds, latency);
        }
    }
}
