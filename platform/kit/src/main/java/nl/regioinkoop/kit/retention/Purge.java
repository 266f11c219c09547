package nl.regioinkoop.kit.retention;

import java.time.Duration;
import java.util.Optional;

/**
 * One kind of row that is deleted once it is older than its retention. A service adds its own kinds as beans
 * ({@code IdempotencyKeyPurge}, {@code AuditLogPurge}); {@link RetentionJob} runs them all.
 */
public interface Purge {
    /** Names the rows in logs and in the metric's {@code rows} tag, e.g. {@code outbox}. */
    String name();

    /** Empty: keep these rows for ever (the purge is off). */
    Optional<Duration> retention();

    /** Deletes the rows older than the retention in the caller's transaction; returns how many. */
    long purgeOlderThan(Duration retention);
}
