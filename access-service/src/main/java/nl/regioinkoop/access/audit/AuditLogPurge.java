package nl.regioinkoop.access.audit;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.regioinkoop.kit.retention.Purge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Audit rows older than {@code regio.retention.audit-log} (default 1826 days, five years as NEN 7513 guidance
 * has it). The delete itself is the database's {@code purge_audit_log}: the table refuses every other delete
 * (migration V7), the service's role holds no DELETE on it but for the purge's own transaction (V8), and that
 * function refuses to keep less than a year.
 */
@Singleton
class AuditLogPurge implements Purge {
    private final JdbcOperations jdbc;
    private final Duration retention;

    AuditLogPurge(JdbcOperations jdbc, @Nullable @Value("${regio.retention.audit-log:1826d}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "audit_log";
    }

    @Override
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    @Override
    public long purgeOlderThan(Duration retention) {
        return jdbc.prepareStatement("select purge_audit_log(make_interval(secs => ?))", st -> {
            try {
                st.setLong(1, retention.toSeconds());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not purge the audit log", e);
            }
        });
    }
}
