package nl.regioinkoop.kit.outbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

    private final JdbcOperations jdbc;
    private final OutboxPublisher publisher;
    private final int batchSize;
    private final AtomicLong published = new AtomicLong();
    private volatile boolean failing;

    public OutboxRelay(JdbcOperations jdbc, OutboxPublisher publisher,
                       @Value("${outbox.relay.batch-size:1000}") int batchSize) {
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
            } while (sent == batchSize);
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

    /** Publishes one batch; returns how many rows were published. */
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
        // skip locked: rows another transaction holds are left to it instead of waited for
        List<Row> rows = jdbc.prepareStatement("""
                select id, event_id, topic, message_key, event_type, payload from outbox
                where published_at is null order by id limit ? for update skip locked""", st -> {
            try {
                st.setInt(1, batchSize);
                List<Row> found = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        if (rows.isEmpty()) {
            return 0;
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic, row.key,
                    row.payload.getBytes(StandardCharsets.UTF_8));
            record.headers().add(new RecordHeader("type", row.type.getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader("eventId", row.eventId.getBytes(StandardCharsets.UTF_8)));
            records.add(record);
        }
        publisher.sendAndAwait(records);
        // by exact ids, never a range: a row with a lower id may commit after this batch was read
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        jdbc.prepareStatement("update outbox set published_at = now() where id = any(?)", st -> {
            try {
                st.setArray(1, st.getConnection().createArrayOf("bigint", ids));
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        published.addAndGet(rows.size());
        return rows.size();
    }

    /** Rows published since start, for metrics and tests. */
    public long publishedCount() {
        return published.get();
    }

    private record Row(long id, String eventId, String topic, String key, String type, String payload) {
    }
}
