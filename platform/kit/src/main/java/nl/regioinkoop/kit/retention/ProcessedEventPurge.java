package nl.regioinkoop.kit.retention;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * The idempotent consumers' processed event ids, only when {@code regio.retention.processed-events} is set: off by
 * default. An id may be forgotten only when its event cannot be delivered again, and the topics here keep their
 * events for ever (monitoring rebuilds from them) while a group whose committed offsets expire starts again from
 * the earliest offset: then every forgotten event would be applied twice. Set it only with a topic retention
 * shorter than it (the README's operations section).
 */
@Singleton
class ProcessedEventPurge implements Purge {
    private final JdbcOperations jdbc;
    private final Duration retention;

    ProcessedEventPurge(JdbcOperations jdbc,
                        @Nullable @Property(name = "regio.retention.processed-events") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "processed_event";
    }

    @Override
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    @Override
    public long purgeOlderThan(Duration retention) {
        return RetentionJob.delete(jdbc,
                "delete from processed_event where processed_at < now() - make_interval(secs => ?)", retention);
    }
}
