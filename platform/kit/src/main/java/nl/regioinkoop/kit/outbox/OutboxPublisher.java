package nl.regioinkoop.kit.outbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import nl.regioinkoop.kit.kafka.KafkaClientProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The relay's own idempotent producer with acks=all. Short timeouts: while the broker is away the relay
 * should give up quickly and try again on its next tick rather than hold its rows for a minute.
 */
@Singleton
@Requires(property = "outbox.relay.enabled", notEquals = "false")
class OutboxPublisher {
    private final KafkaProducer<String, byte[]> producer;

    OutboxPublisher(KafkaClientProperties kafka, @Value("${micronaut.application.name:service}") String application) {
        // the same broker, TLS trust store and SASL login as the service's listeners (kafka.*)
        Map<String, Object> config = kafka.forClient(application + "-outbox");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // a relay batch holds thousands of rows: 16 KB producer batches (the default, ~20 events) would take a
        // round trip per few dozen events; 256 KB lets one request carry a partition's share of a relay batch
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Hands one record to the producer without waiting, so the relay can read its next rows meanwhile; a send that
     * fails at once (no metadata, buffer full) throws here rather than after the whole batch.
     */
    Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        Future<RecordMetadata> ack = producer.send(record);
        if (ack.isDone()) {
            awaitAck(ack);
        }
        return ack;
    }

    /** Returns once the broker acknowledged every record sent; throws if any was not. */
    void awaitAll(List<Future<RecordMetadata>> acks) {
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            awaitAck(ack);
        }
    }

    private static void awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("broker did not acknowledge: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
