package nl.regioinkoop.e2e.proof;

import nl.regioinkoop.e2e.RunningPlatform;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Least privilege, on the running platform: each service connects to PostgreSQL as a role of its own that owns its
 * database and reaches no other; access-service's audit log is append-only for its role, by grant and by trigger;
 * and the broker (SASL_SSL with SCRAM, {@code TEST_KAFKA_SECURITY=sasl_ssl} in this module's pom) refuses a
 * client without valid credentials, while the four services flow through it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeastPrivilegeProofIT {
    private static final List<String> SERVICES = List.of("access", "contracting", "provider", "monitoring");
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String RAISED_BY_TRIGGER = "P0001";

    @BeforeAll
    void platformRuns() {
        RunningPlatform.get();
    }

    @Test
    void accessServicesRoleCannotReadProviderServicesTables() {
        Infra.ServiceDatabase access = role("access");
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                Infra.postgres().jdbcUrl(RunningPlatform.database("provider")), access.user(), access.password())
                .close());
        assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), refused.getMessage());
        assertTrue(refused.getMessage().contains("permission denied for database"), refused.getMessage());
    }

    @Test
    void noServiceRoleReachesAnotherServicesDatabase() {
        int refusedConnections = 0;
        for (String service : SERVICES) {
            Infra.ServiceDatabase own = role(service);
            for (String other : SERVICES) {
                if (other.equals(service)) {
                    continue;
                }
                SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                        Infra.postgres().jdbcUrl(RunningPlatform.database(other)), own.user(), own.password())
                        .close(), service + " -> " + other);
                assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), service + " -> " + other);
                refusedConnections++;
            }
        }
        System.out.printf("PROOF least privilege: %d connections of a service's role to another service's database,"
                + " %d refused (permission denied for database)%n", SERVICES.size() * (SERVICES.size() - 1),
                refusedConnections);
    }

    @Test
    void eachServiceConnectsAsItsOwnRoleWhichOwnsEveryTableAndRanEveryMigration() throws SQLException {
        for (String service : SERVICES) {
            Infra.ServiceDatabase own = role(service);
            try (Connection c = Databases.open(own.database()); Statement st = c.createStatement()) {
                assertEquals(Set.of(own.user()), strings(st, "select distinct installed_by from flyway_schema_history"),
                        service + ": migrations ran as the owner");
                assertEquals(Set.of(own.user()), strings(st, "select distinct tableowner from pg_tables "
                        + "where schemaname = 'public'"), service);
                assertEquals(Set.of(own.user()), strings(st, "select distinct usename::text from pg_stat_activity "
                        + "where datname = current_database() and pid <> pg_backend_pid() "
                        + "and backend_type = 'client backend'"), service + ": the pool's connections");
                assertEquals(Set.of("false false false false"), strings(st, "select rolsuper || ' ' || rolcreatedb || ' ' "
                        + "|| rolcreaterole || ' ' || rolbypassrls from pg_roles where rolname = '" + own.user() + "'"));
                assertEquals(Set.of("false"), strings(st, "select has_database_privilege('public', current_database(), "
                        + "'CONNECT')::text"), service + ": PUBLIC may not connect");
            }
        }
    }

    @Test
    void anUpdateOrDeleteOfAnAuditRowIsRefusedByTheDatabase() throws SQLException {
        Infra.ServiceDatabase access = role("access");
        try (Connection c = DriverManager.getConnection(access.url(), access.user(), access.password());
             Statement st = c.createStatement()) {
            c.setAutoCommit(false); // what is allowed is tried and rolled back: the proof leaves no audit row behind
            st.executeUpdate("insert into audit_log (at, subject, roles, object_type, object_id, action, result) "
                    + "values (now() - interval '7 years', 'proof', 'r', 'CLIENT', 'least-privilege', 'READ', 'OK')");
            for (String change : List.of("update audit_log set reason = 'rewritten'",
                    "delete from audit_log where object_id = 'least-privilege'", "truncate audit_log")) {
                st.execute("savepoint attempt");
                SQLException refused = assertThrows(SQLException.class, () -> st.executeUpdate(change), change);
                assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), change + ": " + refused.getMessage());
                st.execute("rollback to savepoint attempt");
            }
            // the retention's way out still works, only for rows past the retention, and gives no DELETE away
            assertEquals(Set.of("1"), strings(st, "select purge_audit_log(interval '5 years')::text"));
            assertEquals(Set.of("false false"), strings(st, "select has_table_privilege('audit_log', 'DELETE') "
                    + "|| ' ' || has_table_privilege('audit_log', 'UPDATE')"));
            c.rollback();
        }
        // even a role that passes every grant (the admin, a superuser) meets the trigger
        Infra.Pg admin = Infra.postgres();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(access.database()), admin.user(),
                admin.password()); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.executeUpdate("insert into audit_log (at, subject, roles, object_type, object_id, action, result) "
                    + "values (now() - interval '7 years', 'proof', 'r', 'CLIENT', 'least-privilege', 'READ', 'OK')");
            for (String change : List.of("update audit_log set reason = 'rewritten'",
                    "delete from audit_log where object_id = 'least-privilege'")) {
                st.execute("savepoint attempt");
                SQLException refused = assertThrows(SQLException.class, () -> st.executeUpdate(change), change);
                assertEquals(RAISED_BY_TRIGGER, refused.getSQLState(), change + ": " + refused.getMessage());
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
                st.execute("rollback to savepoint attempt");
            }
            c.rollback();
        }
        System.out.println("PROOF least privilege: audit_log UPDATE, DELETE, TRUNCATE refused for access's role "
                + "(permission denied), UPDATE and DELETE refused for the admin (trigger); purge_audit_log removed "
                + "the 7-year-old row and left no DELETE behind");
    }

    @Test
    void theServicesBrokerWantsTlsAndALogin() {
        KafkaClientSettings broker = Infra.kafka();
        assertTrue(broker.secured(), "this module runs with TEST_KAFKA_SECURITY=sasl_ssl: " + broker);
        assertEquals("SASL_SSL", broker.security().get("security.protocol"));
        assertFalse(new Wire(broker).topics().isEmpty(), "the services' topics, read with the services' login");
    }

    @Test
    void aClientWithoutValidCredentialsIsRefusedByTheBroker() {
        KafkaClientSettings broker = Infra.kafka();
        ExecutionException wrong = assertThrows(ExecutionException.class,
                () -> listTopics(broker.withScramCredentials("regio", "not-the-password")));
        assertInstanceOf(SaslAuthenticationException.class, wrong.getCause(), wrong.toString());
        ExecutionException unknown = assertThrows(ExecutionException.class,
                () -> listTopics(broker.withScramCredentials("intruder", "guess")));
        assertInstanceOf(SaslAuthenticationException.class, unknown.getCause(), unknown.toString());
        // no login at all: plaintext, or TLS without SASL; the broker answers neither
        assertThrows(Exception.class, () -> listTopics(KafkaClientSettings.plaintext(broker.bootstrapServers())));
        assertThrows(Exception.class, () -> listTopics(new KafkaClientSettings(broker.bootstrapServers(), Map.of(
                "security.protocol", "SSL",
                "ssl.truststore.location", broker.security().get("ssl.truststore.location"),
                "ssl.truststore.password", broker.security().get("ssl.truststore.password"),
                "ssl.truststore.type", broker.security().get("ssl.truststore.type")))));
        System.out.println("PROOF least privilege: the broker (" + broker.security().get("security.protocol") + ", "
                + broker.security().get("sasl.mechanism") + ") refused 4 of 4 clients without valid credentials "
                + "(wrong password, unknown user, TLS without a login, plaintext)");
    }

    private static Infra.ServiceDatabase role(String service) {
        // the same role and password the platform's processes were given (made once per JVM)
        return Infra.createServiceDatabase(RunningPlatform.database(service));
    }

    private static void listTopics(KafkaClientSettings settings) throws Exception {
        try (Admin admin = Admin.create(settings.clientConfig(Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000)))) {
            admin.listTopics().names().get(10, TimeUnit.SECONDS);
        }
    }

    private static Set<String> strings(Statement st, String sql) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
