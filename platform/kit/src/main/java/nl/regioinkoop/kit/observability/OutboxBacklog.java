package nl.regioinkoop.kit.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox's backlog, sampled on a schedule (a scrape or a probe never waits for the database): how many rows
 * wait, how long the oldest has waited, and how long ago the relay last published while rows wait. Read from the
 * table, not from this replica's relay, so every replica reports the same backlog whichever of them relays.
 */
@Singleton
@Requires(beans = JdbcOperations.class)
public class OutboxBacklog implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxBacklog.class);

    /** One sample; the times are the database's, so the replicas' clocks do not matter. */
    public record Sample(long unpublished, Instant oldestUnpublishedAt, Instant lastPublishedAt, Instant takenAt) {
        static final Sample NONE = new Sample(0, null, null, null);

        public Duration oldestAge() {
            return oldestUnpublishedAt == null ? Duration.ZERO : Duration.between(oldestUnpublishedAt, takenAt);
        }

        /**
         * Zero while nothing waits; otherwise the time since the relay last published, or since the oldest row
         * was written if it published nothing since (or its published rows were purged).
         */
        public Duration silence() {
            if (unpublished == 0) {
                return Duration.ZERO;
            }
            Instant since = lastPublishedAt == null || lastPublishedAt.isBefore(oldestUnpublishedAt)
                    ? oldestUnpublishedAt : lastPublishedAt;
            return Duration.between(since, takenAt).isNegative() ? Duration.ZERO : Duration.between(since, takenAt);
        }
    }

    private final JdbcOperations jdbc;
    private final Optional<MeterRegistry> registry;
    private final String service;
    private final AtomicReference<Sample> last = new AtomicReference<>(Sample.NONE);

    OutboxBacklog(JdbcOperations jdbc, Optional<MeterRegistry> registry,
                  @Value("${micronaut.application.name:service}") String service) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.service = service;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        registry.ifPresent(r -> {
            Gauge.builder("regio.outbox.unpublished", last, s -> s.get().unpublished())
                    .description("outbox rows not yet published to Kafka").baseUnit("rows").tag("service", service)
                    .register(r);
            Gauge.builder("regio.outbox.oldest.unpublished.age", last, s -> s.get().oldestAge().toMillis() / 1000.0)
                    .description("how long the oldest unpublished outbox row has waited").baseUnit("seconds")
                    .tag("service", service).register(r);
            Gauge.builder("regio.outbox.silence", last, s -> s.get().silence().toMillis() / 1000.0)
                    .description("while rows wait: time since the relay last published").baseUnit("seconds")
                    .tag("service", service).register(r);
        });
    }

    public Sample last() {
        return last.get();
    }

    @Scheduled(fixedDelay = "${regio.outbox.backlog.interval:10s}", initialDelay = "${regio.outbox.backlog.interval:10s}")
    void refresh() {
        try {
            last.set(sample());
        } catch (RuntimeException e) {
            LOG.warn("could not sample the outbox backlog: {}", e.toString());
        }
    }

    /**
     * The rows just below the oldest unpublished one are the ones the relay published last (it publishes in id
     * order): their newest {@code published_at} is its last publication, read through the primary key, without an
     * index on {@code published_at} that every publication would have to update.
     */
    @Transactional(readOnly = true)
    public Sample sample() {
        return jdbc.prepareStatement("""
                with oldest as (select id, created_at from outbox where published_at is null order by id limit 1)
                select (select count(*) from outbox where published_at is null),
                       (select created_at from oldest),
                       (select max(published_at) from (select published_at from outbox
                           where id < (select id from oldest) order by id desc limit 100) recent),
                       now()""", st -> {
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Sample(rs.getLong(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)));
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the outbox backlog", e);
            }
        });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
