package nl.regioinkoop.monitoring.projection;

import jakarta.inject.Singleton;
import nl.regioinkoop.kit.observability.RequestIds;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live listeners' path into {@link ProjectionBatches}: one transaction per polled batch. When it fails, the
 * whole batch has rolled back; this seeks the listener's consumer back to the batch's first offset in each of its
 * partitions and returns, so the next poll delivers the same events again and the offsets committed after this call
 * (OffsetStrategy.SYNC commits the consumer's positions) stay before them. Retries wait a little longer each time, up
 * to {@link #LONGEST_WAIT}, and go on until the batch applies: a projection never skips an event.
 * <p>
 * Why not micronaut-kafka's RETRY_ON_ERROR for batches: in 5.9.0 it seeks back to positions taken before the poll,
 * and when that poll is the one that assigns the partitions (a listener's first batch, or after a rebalance) it has
 * none, throws a NullPointerException (micronaut-kafka#1004, fixed after 5.9.0) and goes on from after the failed
 * batch, whose offsets the next good batch then commits. BatchRetryIT failed that way in CI.
 * The listeners keep RETRY_ON_ERROR only for what escapes this class (an Error, a failing seek): it works whenever
 * the partitions were assigned before the poll.
 * <p>
 * While a rebuild holds the read models ({@link ReadModelFence}, on any replica), a batch is sought back the same way
 * and offered again every second, without counting as a failure.
 */
@Singleton
class Listening {
    private static final Logger LOG = LoggerFactory.getLogger(Listening.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
    /** How often a fenced listener looks again whether the rebuild has finished. */
    private static final Duration FENCED_WAIT = Duration.ofSeconds(1);
    private static final int MDC_REQUEST_IDS = 10;

    private final ProjectionBatches batches;
    /** Failures in a row per consumer group, for the wait before the next try. */
    private final Map<String, Integer> failuresInARow = new ConcurrentHashMap<>();
    /** Consumer groups whose last batch found the read model fence closed, to log its closing and opening once. */
    private final Set<String> fenced = ConcurrentHashMap.newKeySet();

    Listening(ProjectionBatches batches) {
        this.batches = batches;
    }

    void applyOnce(Projection projection, List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        List<byte[]> payloads = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() != null) {
                payloads.add(record.value());
            }
        }
        try (RequestIds.Scope ignored = RequestIds.open(requestIds(records))) {
            applyOrSeekBack(projection, records, consumer, payloads);
        }
    }

    /**
     * The request ids of a batch's events, for the MDC while it is applied: the distinct ones, a few at most, so a
     * failure's log line can be followed back to the requests that caused it.
     */
    static String requestIds(List<? extends ConsumerRecord<?, ?>> records) {
        Set<String> ids = new LinkedHashSet<>();
        for (ConsumerRecord<?, ?> record : records) {
            Header header = record.headers().lastHeader(RequestIds.KAFKA_HEADER);
            if (header != null && header.value() != null && ids.size() < MDC_REQUEST_IDS) {
                ids.add(new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return ids.isEmpty() ? null : String.join(",", ids);
    }

    private void applyOrSeekBack(Projection projection, List<ConsumerRecord<String, byte[]>> records,
                                 Consumer<?, ?> consumer, List<byte[]> payloads) {
        try {
            batches.applyOnce(projection, payloads);
            failuresInARow.remove(projection.group());
            if (fenced.remove(projection.group())) {
                LOG.info("{} applies its batches again: the rebuild has finished", projection.group());
            }
        } catch (ReadModelFence.Closed e) {
            // a rebuild (on this replica or another) holds the read models: the same batch again once it is done
            if (fenced.add(projection.group())) {
                LOG.info("{} waits: {}", projection.group(), e.getMessage());
            }
            firstOffsets(records).forEach(consumer::seek);
            pause(FENCED_WAIT);
        } catch (RuntimeException e) {
            int failures = failuresInARow.merge(projection.group(), 1, Integer::sum);
            Map<TopicPartition, Long> firstOffsets = firstOffsets(records);
            LOG.warn("{} could not apply a batch of {} events from {} (offsets {}, failure {} in a row); it is "
                            + "retried: {}", projection.group(), records.size(), projection.topic(), firstOffsets,
                    failures, e.toString(), e);
            firstOffsets.forEach(consumer::seek);
            pause(waitAfter(failures));
        }
    }

    /** The first offset of each partition in the batch (records of one partition come in offset order). */
    static Map<TopicPartition, Long> firstOffsets(List<? extends ConsumerRecord<?, ?>> records) {
        Map<TopicPartition, Long> first = new LinkedHashMap<>();
        for (ConsumerRecord<?, ?> record : records) {
            first.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        return first;
    }

    static Duration waitAfter(int failuresInARow) {
        long millis = FIRST_WAIT.toMillis() << Math.min(failuresInARow - 1, 10);
        return Duration.ofMillis(Math.min(millis, LONGEST_WAIT.toMillis()));
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the seek stands, the batch comes again after a start
        }
    }
}
