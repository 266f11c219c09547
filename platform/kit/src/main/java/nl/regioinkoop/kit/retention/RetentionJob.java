package nl.regioinkoop.kit.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs every {@link Purge} whose retention is set, each in its own transaction, on a schedule
 * ({@code regio.retention.interval}, default hourly). One replica at a time: the others find the lock taken and
 * leave the round to it.
 */
@Singleton
@Requires(property = "regio.retention.enabled", notEquals = "false")
public class RetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final long RETENTION_LOCK = 7_010_502L;

    private final List<Purge> purges;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final Optional<MeterRegistry> registry;

    RetentionJob(List<Purge> purges, JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                 Optional<MeterRegistry> registry) {
        this.purges = purges;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.registry = registry;
    }

    @Scheduled(fixedDelay = "${regio.retention.interval:1h}", initialDelay = "${regio.retention.initial-delay:5m}")
    void scheduled() {
        try {
            purgeAll();
        } catch (RuntimeException e) {
            LOG.warn("retention purge failed, will try again next round: {}", e.toString());
        }
    }

    /** @return rows deleted per purge that ran; a purge whose retention is unset, or that another replica holds, is absent */
    public Map<String, Long> purgeAll() {
        Map<String, Long> purged = new LinkedHashMap<>();
        for (Purge purge : purges) {
            Optional<Duration> retention = purge.retention();
            if (retention.isEmpty()) {
                continue;
            }
            Long rows = transactions.executeWrite(status -> locked() ? purge.purgeOlderThan(retention.get()) : null);
            if (rows == null) {
                continue;
            }
            purged.put(purge.name(), rows);
            registry.ifPresent(r -> Counter.builder("regio.retention.purged").baseUnit("rows")
                    .description("rows deleted after their retention").tag("rows", purge.name()).register(r)
                    .increment(rows));
            if (rows > 0) {
                LOG.info("retention: deleted {} {} rows older than {}", rows, purge.name(), retention.get());
            }
        }
        return purged;
    }

    private boolean locked() {
        return jdbc.prepareStatement("select pg_try_advisory_xact_lock(?)", st -> {
            try {
                st.setLong(1, RETENTION_LOCK);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Runs a delete whose every {@code ?} is the retention in seconds (written {@code make_interval(secs => ?)}).
     * The purges share it.
     */
    public static long delete(JdbcOperations jdbc, String sql, Duration retention) {
        long parameters = sql.chars().filter(c -> c == '?').count();
        return jdbc.prepareStatement(sql, st -> {
            try {
                for (int i = 1; i <= parameters; i++) {
                    st.setLong(i, retention.toSeconds());
                }
                return (long) st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not purge: " + sql, e);
            }
        });
    }
}
