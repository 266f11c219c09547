package nl.regioinkoop.kit.retention;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * Published outbox rows, once {@code regio.retention.outbox} (default 7 days) has passed since they were
 * published. Kafka holds the events from then on; the rows are kept only to look into. Unpublished rows are never
 * deleted, however old.
 */
@Singleton
class OutboxPurge implements Purge {
    /** Deleted in batches so no transaction holds many rows' locks for long. */
    private static final int BATCH = 10_000;

    private final JdbcOperations jdbc;
    private final Duration retention;

    OutboxPurge(JdbcOperations jdbc, @Nullable @Value("${regio.retention.outbox:7d}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    /**
     * Walks the primary key from its oldest end and stops at the first row written within the retention, so a
     * round reads the rows it deletes and few others, without an index on {@code published_at}.
     */
    @Override
    public long purgeOlderThan(Duration retention) {
        long total = 0;
        long deleted;
        do {
            deleted = RetentionJob.delete(jdbc, """
                    delete from outbox where id in (
                        select id from outbox
                        where published_at < now() - make_interval(secs => ?)
                          and id < coalesce((select id from outbox where created_at >= now() - make_interval(secs => ?)
                                             order by id limit 1), 9223372036854775807)
                        order by id limit %d)""".formatted(BATCH), retention);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
