package nl.regioinkoop.access.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes who did what to which client data, and with what result. A granted action is recorded in the
 * transaction of its own effect (both commit or neither); a refusal is recorded in a transaction of its own
 * after the refused work rolled back, so refusals are on record too.
 */
@Singleton
public class AuditLog {
    public static final String OK = "OK";
    public static final String DENIED = "DENIED";
    public static final String REJECTED = "REJECTED";
    public static final String FAILED = "FAILED";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    AuditLog(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Runs {@code work} in a transaction and audits it.
     *
     * @param objectId the object's id when known before the work, else null and {@code idOf} names it after
     */
    public <T> T audited(Caller caller, String objectType, String objectId, String action, String reason,
                         Function<T, Object> idOf, Supplier<T> work) {
        try {
            return transactions.executeWrite(status -> {
                T result = work.get();
                Object id = objectId != null ? objectId : result == null ? null : idOf.apply(result);
                insert(caller, objectType, id == null ? null : id.toString(), action, OK, reason);
                return result;
            });
        } catch (RuntimeException refused) {
            String result = FAILED;
            if (refused instanceof ProblemException problem) {
                int code = problem.status().getCode();
                result = code == 403 || code == 404 ? DENIED : REJECTED;
            }
            String outcome = result;
            transactions.executeWrite(status -> {
                insert(caller, objectType, objectId, action, outcome, reason);
                return null;
            });
            throw refused;
        }
    }

    public <T> T audited(Caller caller, String objectType, String objectId, String action, String reason,
                         Supplier<T> work) {
        return audited(caller, objectType, objectId, action, reason, r -> null, work);
    }

    private void insert(Caller caller, String objectType, String objectId, String action, String result,
                        String reason) {
        String tenant = caller.municipalityCode() != null ? caller.municipalityCode()
                : caller.providerAgb() != null ? caller.providerAgb() : caller.region();
        jdbc.prepareStatement("""
                insert into audit_log (subject, roles, tenant, object_type, object_id, action, result, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", st -> {
            try {
                st.setString(1, caller.subject());
                st.setString(2, String.join(",", new TreeSet<>(caller.roles())));
                st.setString(3, tenant);
                st.setString(4, objectType);
                st.setString(5, objectId);
                st.setString(6, action);
                st.setString(7, result);
                st.setString(8, reason == null || reason.isBlank() ? null : truncate(reason.strip()));
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not write the audit log", e);
            }
        });
    }

    private static String truncate(String reason) {
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    /** The reason of a body field wins over the X-Reason header. */
    public static String reason(String bodyReason, String header) {
        return bodyReason != null && !bodyReason.isBlank() ? bodyReason : header;
    }
}
