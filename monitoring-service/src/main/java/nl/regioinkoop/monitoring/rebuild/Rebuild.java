package nl.regioinkoop.monitoring.rebuild;

import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import nl.regioinkoop.kit.kafka.KafkaClientProperties;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.monitoring.projection.Projection;
import nl.regioinkoop.monitoring.projection.ProjectionBatches;
import nl.regioinkoop.monitoring.sql.Db;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every read model from the beginning of the topics:
 * <ol>
 *   <li>pause the live listeners (so they do not write while the tables are emptied);</li>
 *   <li>in one transaction, empty the read-model tables and forget the monitoring groups' processed events;</li>
 *   <li>read each topic from its beginning up to the end offsets seen at the start, with a group-less consumer,
 *       and apply every event through the same set-based batch path and idempotent guard as the live listener
 *       ({@link ProjectionBatches}, one transaction per polled batch);</li>
 *   <li>resume the listeners: they continue from their committed offsets and skip what the replay applied.</li>
 * </ol>
 * An event a listener applies during the rebuild is either emptied and replayed, or applied after the reset and
 * then skipped by the replay: the processed-event row and the effect commit together, so it counts once either way.
 */
@Singleton
class Rebuild {
    private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);
    static final List<String> READ_MODELS = List.of("provider_view", "allocation_fact", "spend_month", "spend_slice_month",
            "budget_line_view", "contract_view", "referral_fact", "tender_view");

    private final List<Projection> projections;
    private final ConsumerRegistry consumers;
    private final ProjectionBatches batches;
    private final Db db;
    private final TransactionOperations<Connection> transactions;
    private final KafkaClientProperties kafka;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "monitoring-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());

    Rebuild(List<Projection> projections, ConsumerRegistry consumers, ProjectionBatches batches, Db db,
            TransactionOperations<Connection> transactions,
            KafkaClientProperties kafka, Clock clock) {
        this.projections = projections;
        this.consumers = consumers;
        this.batches = batches;
        this.db = db;
        this.transactions = transactions;
        this.kafka = kafka;
        this.clock = clock;
    }

    Status status() {
        return status.get();
    }

    synchronized Status start(String requestedBy, String reason) {
        if (status.get().state().equals("RUNNING")) {
            throw ProblemException.conflict("rebuild-running", "A rebuild is running",
                    "A rebuild started at " + status.get().startedAt() + " is still running; wait for it to finish");
        }
        LOG.info("rebuild of every read model requested by {}: {}", requestedBy, reason);
        Status running = new Status("RUNNING", requestedBy, Instant.now(clock), null, 0, 0, null);
        status.set(running);
        worker.submit(() -> run(running));
        return running;
    }

    private void run(Status running) {
        Instant started = Instant.now(clock);
        long startedNanos = System.nanoTime(); // elapsed time from the monotonic clock: the wall clock may be fixed
        long[] counts = new long[2];
        try {
            pauseListeners();
            transactions.executeWrite(tx -> {
                db.execute("truncate table " + String.join(", ", READ_MODELS));
                for (Projection p : projections) {
                    db.update("delete from processed_event where consumer_group = ?", p.group());
                }
                return null;
            });
            for (Projection projection : projections) {
                replay(projection, counts);
                status.set(new Status("RUNNING", running.requestedBy(), started, null, counts[0], counts[1], null));
            }
            status.set(new Status("DONE", running.requestedBy(), started, Instant.now(clock), counts[0], counts[1],
                    null));
            long millis = Math.max(1, (System.nanoTime() - startedNanos) / 1_000_000);
            LOG.info("rebuild done: {} events read, {} applied in {} ms ({} events/s)", counts[0], counts[1], millis,
                    counts[0] * 1000 / millis);
        } catch (RuntimeException e) {
            LOG.error("rebuild failed", e);
            status.set(new Status("FAILED", running.requestedBy(), started, Instant.now(clock), counts[0], counts[1],
                    e.getMessage()));
        } finally {
            resumeListeners();
        }
    }

    private void replay(Projection projection, long[] counts) {
        // the same broker and login as the live listeners (kafka.*)
        Map<String, Object> config = kafka.forClient("monitoring-rebuild");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(projection.topic(), Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                return;
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!reached(consumer, end)) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty()) {
                    continue;
                }
                List<byte[]> payloads = new ArrayList<>(batch.count());
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    if (record.offset() >= end.getOrDefault(
                            new TopicPartition(record.topic(), record.partition()), 0L)) {
                        continue; // arrived after the start: the live listener takes it from here
                    }
                    counts[0]++;
                    if (record.value() != null) {
                        payloads.add(record.value());
                    }
                }
                counts[1] += batches.applyOnce(projection, payloads); // one transaction per polled batch
            }
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void pauseListeners() {
        consumers.getConsumerIds().forEach(consumers::pause);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (String id : consumers.getConsumerIds()) {
            while (!consumers.isPaused(id) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20); // production code waiting for another thread's poll loop, not a test
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void resumeListeners() {
        consumers.getConsumerIds().forEach(consumers::resume);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Where the last rebuild stands; eventsRead counts records, eventsApplied those not skipped. */
    @Serdeable
    record Status(String state, String requestedBy, Instant startedAt, Instant finishedAt, long eventsRead,
                  long eventsApplied, String error) {
        static Status idle() {
            return new Status("IDLE", null, null, null, 0, 0, null);
        }
    }
}
