package nl.regioinkoop.kit.outbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.kit.observability.RequestIds;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them published only after the broker
 * acknowledged them. If the broker is unreachable the transaction rolls back, the rows stay, and the next
 * tick tries again: at least once, never lost. Consumers are idempotent, so a repeat is harmless.
 */
@Singleton
@Requires(property = "outbox.relay.enabled", notEquals = "false")
public class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 7_010_501L;
    /**
     * Rows fetched per round trip while a batch is read; the producer sends the previous ones meanwhile. Small
     * enough that fetched batch rows ({@link OutboxBatch}, up to ~200 KB each) stay a few MB.
     */
    private static final int FETCH_SIZE = 50;

    private final JdbcOperations jdbc;
    private final OutboxPublisher publisher;
    private final int batchSize;
    private final AtomicLong published = new AtomicLong();
    private volatile boolean failing;

    public OutboxRelay(JdbcOperations jdbc, OutboxPublisher publisher,
                       @Value("${outbox.relay.batch-size:5000}") int batchSize) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelay = "${outbox.relay.interval:100ms}", initialDelay = "${outbox.relay.initial-delay:1s}")
    void tick() {
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent >= batchSize);
            if (failing) {
                LOG.info("outbox relay reaches the broker again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("outbox relay cannot publish, will retry: {}", e.getMessage());
                failing = true;
            }
        }
    }

    /** Publishes up to about batch-size events (a batch row is sent whole); returns how many were published. */
    @Transactional
    public int relayBatch() {
        // one relay per database at a time, so one aggregate's events reach its partition in commit order
        boolean locked = jdbc.prepareStatement("select pg_try_advisory_xact_lock(?)", st -> {
            try {
                st.setLong(1, RELAY_LOCK);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        if (!locked) {
            return 0;
        }
        // skip locked: rows another transaction holds are left to it instead of waited for. The rows are streamed
        // (fetch size) and each event is handed to the producer as it is read, so reading and sending overlap; the
        // rows are marked published only after the broker acknowledged every event in them
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        jdbc.prepareStatement("""
                select id, event_id, topic, message_key, event_type, payload, request_id from outbox
                where published_at is null order by id limit ? for update skip locked""", st -> {
            try {
                st.setInt(1, batchSize);
                st.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = st.executeQuery()) {
                    while (acks.size() < batchSize && rs.next()) {
                        String topic = rs.getString(3);
                        String requestId = rs.getString(7);
                        if (OutboxBatch.TYPE.equals(rs.getString(5))) {
                            for (OutboxBatch.Event event : OutboxBatch.decode(rs.getString(6))) {
                                acks.add(publisher.send(record(topic, event.key(), event.type(), event.eventId(),
                                        event.json(), requestId)));
                            }
                        } else {
                            acks.add(publisher.send(record(topic, rs.getString(4), rs.getString(5), rs.getString(2),
                                    rs.getString(6), requestId)));
                        }
                        ids.add(rs.getLong(1));
                    }
                }
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        if (ids.isEmpty()) {
            return 0;
        }
        publisher.awaitAll(acks);
        // by exact ids, never a range: a row with a lower id may commit after this batch was read
        jdbc.prepareStatement("update outbox set published_at = now() where id = any(?)", st -> {
            try {
                st.setArray(1, st.getConnection().createArrayOf("bigint", ids.toArray()));
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        published.addAndGet(acks.size());
        return acks.size();
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, String type, String eventId,
                                                         String json, String requestId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader("type", type.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("eventId", eventId.getBytes(StandardCharsets.UTF_8)));
        if (requestId != null) { // rows from before the column, or appended outside a request, have none
            record.headers().add(new RecordHeader(RequestIds.KAFKA_HEADER, requestId.getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    /** Events published since start, for metrics and tests. */
    public long publishedCount() {
        return published.get();
    }
}
