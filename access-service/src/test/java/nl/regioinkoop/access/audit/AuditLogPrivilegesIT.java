package nl.regioinkoop.access.audit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.kit.retention.RetentionJob;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's role owns its database but may only read and add audit rows: the database itself refuses its
 * UPDATE, DELETE and TRUNCATE of audit_log (permission denied), and the retention's purge still removes old rows.
 */
@MicronautTest(transactional = false)
class AuditLogPrivilegesIT extends RealInfrastructure {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Inject
    RetentionJob retention;

    @Override
    protected String databaseName() {
        return "access";
    }

    @Test
    void theServiceRoleMayReadAndAddAuditRowsButNotChangeThem() throws SQLException {
        Infra.ServiceDatabase db = Infra.createServiceDatabase(databaseName());
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement()) {
            assertEquals("access", one(st, "select tableowner from pg_tables where tablename = 'audit_log'"));
            assertEquals("true true false false false", one(st, "select has_table_privilege('audit_log', 'SELECT') "
                    + "|| ' ' || has_table_privilege('audit_log', 'INSERT') || ' ' || has_table_privilege('audit_log', "
                    + "'UPDATE') || ' ' || has_table_privilege('audit_log', 'DELETE') || ' ' || "
                    + "has_table_privilege('audit_log', 'TRUNCATE')"));
            st.executeUpdate("insert into audit_log (subject, roles, object_type, object_id, action, result) "
                    + "values ('s', 'r', 'CLIENT', 'privileges', 'READ', 'OK')");
            for (String change : new String[] {"update audit_log set reason = 'x'", "delete from audit_log",
                    "delete from audit_log where at < now() - interval '2 years'", "truncate audit_log"}) {
                SQLException refused = assertThrows(SQLException.class, () -> st.executeUpdate(change), change);
                assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), change + ": " + refused.getMessage());
                assertTrue(refused.getMessage().contains("permission denied for table audit_log"),
                        refused.getMessage());
            }
        }
    }

    @Test
    void thePurgeRemovesOnlyOldRowsAndLeavesTheRoleWithoutDelete() throws SQLException {
        Infra.ServiceDatabase db = Infra.createServiceDatabase(databaseName());
        String old = "privileges-" + UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement()) {
            st.executeUpdate("insert into audit_log (at, subject, roles, object_type, object_id, action, result) "
                    + "values (now() - interval '7 years', 's', 'r', 'CLIENT', '" + old + "', 'READ', 'OK')");

            Map<String, Long> purged = retention.purgeAll();

            assertTrue(purged.get("audit_log") >= 1, purged.toString());
            assertEquals("0", one(st, "select count(*) from audit_log where object_id = '" + old + "'"));
            assertEquals("false", one(st, "select has_table_privilege('audit_log', 'DELETE')::text"));
        }
    }

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
