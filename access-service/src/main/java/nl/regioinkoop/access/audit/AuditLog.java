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

    /** One row of the audit log as a resident's page shows it: who did what to which part of the file, when. */
    public record Entry(java.time.Instant at, String subject, String roles, String tenant, String objectType,
                        String objectId, String action, String result, String reason) {
    }

    /** An object of a resident's file: its type ({@code client}, {@code referral}...) and id. */
    public record ObjectRef(String type, String id) {
    }

    /**
     * Who read or changed these objects, newest first (NEN 7513: the person can be told who saw the file). Runs in
     * the caller's transaction (the audited read of the file).
     */
    public java.util.List<Entry> trail(java.util.Collection<ObjectRef> objects, int limit) {
        if (objects.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.prepareStatement("""
                select at, subject, roles, tenant, object_type, object_id, action, result, reason from audit_log
                where (object_type, object_id) in (select * from unnest(?::text[], ?::text[]))
                order by at desc, id desc limit ?""", st -> {
            try {
                st.setArray(1, st.getConnection().createArrayOf("text",
                        objects.stream().map(ObjectRef::type).toArray()));
                st.setArray(2, st.getConnection().createArrayOf("text",
                        objects.stream().map(ObjectRef::id).toArray()));
                st.setInt(3, limit);
                java.util.List<Entry> entries = new java.util.ArrayList<>();
                try (java.sql.ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getString(9)));
                    }
                }
                return entries;
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the audit log", e);
            }
        });
    }

    /** The reason of a body field wins over the X-Reason header. */
    public static String reason(String bodyReason, String header) {
        return bodyReason != null && !bodyReason.isBlank() ? bodyReason : header;
    }
}
