package nl.regioinkoop.testkit;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A role per service that owns its own database and cannot reach another's. */
class ServiceDatabaseIT {

    @Test
    void eachServiceRoleOwnsItsDatabaseAndCannotConnectToAnothers() throws Exception {
        Infra.ServiceDatabase alpha = Infra.createServiceDatabase("sd_alpha");
        Infra.ServiceDatabase beta = Infra.createServiceDatabase("sd_beta");

        try (Connection c = open(alpha); Statement st = c.createStatement()) {
            st.execute("create table if not exists thing (id bigint generated always as identity, name text)");
            st.execute("insert into thing (name) values ('mine')");
            assertEquals("sd_alpha", one(st, "select pg_get_userbyid(datdba) from pg_database "
                    + "where datname = current_database()"));
            assertEquals("false false false", one(st, "select rolsuper || ' ' || rolcreatedb || ' ' || rolcreaterole "
                    + "from pg_roles where rolname = current_user"));
        }
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                Infra.postgres().jdbcUrl(beta.database()), alpha.user(), alpha.password()).close());
        assertEquals("42501", refused.getSQLState(), refused.getMessage()); // insufficient_privilege: no CONNECT
        assertTrue(refused.getMessage().contains("permission denied for database"), refused.getMessage());
    }

    @Test
    void aCallAgainKeepsThePasswordAndTheData() throws Exception {
        Infra.ServiceDatabase first = Infra.createServiceDatabase("sd_again");
        try (Connection c = open(first); Statement st = c.createStatement()) {
            st.execute("create table if not exists kept (n int)");
            st.execute("insert into kept values (1)");
        }
        Infra.ServiceDatabase second = Infra.createServiceDatabase("sd_again");
        assertEquals(first, second);
        try (Connection c = open(second); Statement st = c.createStatement()) {
            assertFalse(one(st, "select count(*) from kept").equals("0"));
        }
    }

    @Test
    void aDatabaseFromBeforeIsHandedToItsRoleWithEverythingInIt() throws Exception {
        Infra.Pg admin = Infra.postgres();
        Infra.createDatabase(admin.adminUrl(), admin.user(), admin.password(), "sd_old");
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl("sd_old"), admin.user(), admin.password());
             Statement st = c.createStatement()) {
            st.execute("create table if not exists old_table (id serial primary key, status text)");
            st.execute("create or replace view old_view as select id from old_table");
            st.execute("create or replace function old_count() returns bigint language sql as "
                    + "'select count(*) from old_table'");
            st.execute("do $$ begin create type old_status as enum ('A', 'B'); exception when duplicate_object "
                    + "then null; end $$");
        }

        Infra.ServiceDatabase db = Infra.createServiceDatabase("sd_old");

        try (Connection c = open(db); Statement st = c.createStatement()) {
            st.execute("insert into old_table (status) values ('A')"); // its serial sequence came along
            assertEquals("1", one(st, "select count(*) from old_view where id = (select max(id) from old_table)"));
            st.execute("alter table old_table add column if not exists later text"); // owner: migrations work
            assertFalse(one(st, "select old_count()").isEmpty());
            assertEquals("0", one(st, "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                    + "where n.nspname = 'public' and c.relowner <> current_user::regrole"));
            assertEquals("sd_old", one(st, "select pg_get_userbyid(typowner) from pg_type where typname = 'old_status'"));
        }
    }

    private static Connection open(Infra.ServiceDatabase db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
