package nl.regioinkoop.provider.support;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.regioinkoop.kit.retention.Purge;
import nl.regioinkoop.kit.retention.RetentionJob;

import java.time.Duration;
import java.util.Optional;

/**
 * Forgets a submission's {@code Idempotency-Key} and answer after {@code regio.retention.idempotency-keys}
 * (default 30 days). A retry after that would be taken as a new submission, so the retention must be longer than
 * any client retries: providers' software retries for minutes to days, not for a month.
 */
@Singleton
class IdempotencyKeyPurge implements Purge {
    private final JdbcOperations jdbc;
    private final Duration retention;

    IdempotencyKeyPurge(JdbcOperations jdbc,
                        @Nullable @Value("${regio.retention.idempotency-keys:30d}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "idempotent_submission";
    }

    @Override
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    @Override
    public long purgeOlderThan(Duration retention) {
        return RetentionJob.delete(jdbc,
                "delete from idempotent_submission where created_at < now() - make_interval(secs => ?)", retention);
    }
}
