package nl.regioinkoop.monitoring.rebuild;

import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import nl.regioinkoop.kit.kafka.KafkaClientProperties;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.monitoring.projection.Projection;
import nl.regioinkoop.monitoring.projection.ProjectionBatches;
import nl.regioinkoop.monitoring.projection.ReadModelFence;
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
import java.util.Optional;

/**
 * Rebuilds every read model from the beginning of the topics:
 * <ol>
 *   <li>pause the live listeners and close the {@link ReadModelFence} (so no replica's listener writes while the
 *       tables are emptied and rebuilt);</li>
 *   <li>in one transaction, empty the read-model tables and forget the monitoring groups' processed events;</li>
 *   <li>read each topic from its beginning up to the end offsets seen at the start, with a group-less consumer,
 *       and apply every event through the same set-based batch path and idempotent guard as the live listener
 *       ({@link ProjectionBatches}, one transaction per polled batch);</li>
 *   <li>resume the listeners: they continue from their committed offsets and skip what the replay applied.</li>
 * </ol>
 * An event a listener applies during the rebuild is either emptied and replayed, or applied after the reset and
 * then skipped by the replay: the processed-event row and the effect commit together, so it counts once either way.
 * <p>
 * Across replicas: one rebuild at a time ({@link RebuildLock}; a second request on any replica answers 409), its
 * state kept in the database ({@link RebuildRuns}), and the read models fenced ({@link ReadModelFence}) from the
 * moment they are emptied until the replay is complete, so the other replicas' listeners, which pausing here does
 * not reach, wait instead of writing into half-built read models. A rebuild that fails, or whose replica dies,
 * leaves the fence closed; {@link #resumeUnfinished()} (every replica, on a schedule) starts it again.
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
    private final RebuildLock lock;
    private final RebuildRuns runs;
    private final ReadModelFence fence;
    private final Duration retryAfter;
    /** The run this replica's worker is replaying (only the worker thread touches it). */
    private long replaying;

    Rebuild(List<Projection> projections, ConsumerRegistry consumers, ProjectionBatches batches, Db db,
            TransactionOperations<Connection> transactions,
            KafkaClientProperties kafka, Clock clock,
            RebuildLock lock, RebuildRuns runs, ReadModelFence fence,
            @Value("${monitoring.rebuild.retry-after:1m}") Duration retryAfter) {
        this.lock = lock;
        this.runs = runs;
        this.fence = fence;
        this.retryAfter = retryAfter;
        this.projections = projections;
        this.consumers = consumers;
        this.batches = batches;
        this.db = db;
        this.transactions = transactions;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** The latest rebuild of any replica. */
    Status status() {
        return transactions.executeRead(tx -> runs.latest().map(RebuildRuns.Run::status).orElse(Status.idle()));
    }

    synchronized Status start(String requestedBy, String reason) {
        RebuildLock.Held held = lock.tryAcquire().orElseThrow(() -> {
            Optional<RebuildRuns.Run> latest = transactions.executeRead(tx -> runs.latest());
            return ProblemException.conflict("rebuild-running", "A rebuild is running", "A rebuild started at "
                    + latest.map(RebuildRuns.Run::startedAt).map(String::valueOf).orElse("this moment")
                    + " is still running; wait for it to finish");
        });
        return begin(held, requestedBy, reason);
    }

    /**
     * Starts again a rebuild that did not finish: its replica died (the run is RUNNING but nobody holds the lock) or
     * it failed at least {@code monitoring.rebuild.retry-after} ago. The read models stay fenced until one finishes.
     */
    synchronized void resumeUnfinished() {
        ReadModelFence.State closed = transactions.executeRead(tx -> fence.state());
        if (closed.open() || closed.runId() == null) {
            return;
        }
        Optional<RebuildRuns.Run> unfinished = transactions.executeRead(tx -> runs.byId(closed.runId()));
        if (unfinished.isEmpty() || unfinished.get().state().equals("FAILED")
                && unfinished.get().finishedAt().plus(retryAfter).isAfter(Instant.now(clock))) {
            return;
        }
        Optional<RebuildRuns.Run> run = unfinished;
        lock.tryAcquire().ifPresent(held -> {
            if (!transactions.executeRead(tx -> fence.state()).equals(closed)) {
                held.close(); // another replica resumed it meanwhile
                return;
            }
            LOG.warn("rebuild {} ({}) did not finish: started again, the read models stay fenced until it does",
                    run.get().id(), run.get().state());
            begin(held, run.get().requestedBy(), "resumed after rebuild " + run.get().id() + " "
                    + run.get().state().toLowerCase() + ": " + run.get().reason());
        });
    }

    private Status begin(RebuildLock.Held held, String requestedBy, String reason) {
        try {
            Instant started = Instant.now(clock);
            long runId = transactions.executeWrite(tx -> runs.begin(requestedBy, reason, started));
            LOG.info("rebuild {} of every read model requested by {}: {}", runId, requestedBy, reason);
            worker.submit(() -> {
                try (held) {
                    run(runId);
                }
            });
            return new Status("RUNNING", requestedBy, started, null, 0, 0, null);
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
    }

    private void run(long runId) {
        long startedNanos = System.nanoTime(); // elapsed time from the monotonic clock: the wall clock may be fixed
        long[] counts = new long[2];
        replaying = runId;
        try {
            pauseListeners();
            transactions.executeWrite(tx -> {
                fence.close(runId); // waits for the batches in flight on every replica; later ones wait for us
                db.execute("truncate table " + String.join(", ", READ_MODELS));
                for (Projection p : projections) {
                    db.update("delete from processed_event where consumer_group = ?", p.group());
                }
                return null;
            });
            for (Projection projection : projections) {
                replay(projection, counts);
                transactions.executeWrite(tx -> {
                    runs.progress(runId, counts[0], counts[1]);
                    return null;
                });
            }
            transactions.executeWrite(tx -> {
                runs.finish(runId, "DONE", Instant.now(clock), counts[0], counts[1], null);
                fence.open(runId);
                return null;
            });
            long millis = Math.max(1, (System.nanoTime() - startedNanos) / 1_000_000);
            LOG.info("rebuild done: {} events read, {} applied in {} ms ({} events/s)", counts[0], counts[1], millis,
                    counts[0] * 1000 / millis);
        } catch (RuntimeException e) {
            LOG.error("rebuild {} failed; the read models stay fenced until a rebuild finishes (retried after {})",
                    runId, retryAfter, e);
            try {
                transactions.executeWrite(tx -> {
                    runs.finish(runId, "FAILED", Instant.now(clock), counts[0], counts[1], e.getMessage());
                    return null;
                });
            } catch (RuntimeException notRecorded) {
                LOG.error("could not record the failure of rebuild {}", runId, notRecorded);
            }
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
                counts[1] += batches.applyReplayed(projection, payloads, replaying); // one transaction per batch
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

    /**
     * Spares this replica's listeners the fenced retries meanwhile. Not waited for: the fence, not the pause, keeps
     * every replica's listeners from writing (a consumer in a rebalance reports itself paused only after its next
     * poll, which took up to 30 s when a second replica had just joined the group).
     */
    private void pauseListeners() {
        consumers.getConsumerIds().forEach(consumers::pause);
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
