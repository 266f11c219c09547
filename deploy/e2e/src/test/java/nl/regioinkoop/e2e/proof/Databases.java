package nl.regioinkoop.e2e.proof;

import nl.regioinkoop.testkit.Infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Read-only looks into the services' databases on the test JVM's PostgreSQL server: row counts and fingerprints
 * per table, unpublished outbox rows, and every row as text for the privacy scan. Never writes.
 */
final class Databases {
    private Databases() {
    }

    static Connection open(String database) throws SQLException {
        Infra.Pg pg = Infra.postgres();
        Connection c = DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
        c.setReadOnly(true);
        return c;
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select table_name from information_schema.tables where table_schema = 'public' "
                        + "and table_type = 'BASE TABLE' order by table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** Per table its row count and an md5 of its rows in a stable order: any change shows. */
    static Map<String, String> fingerprint(String database, Set<String> leftOut) {
        Map<String, String> prints = new TreeMap<>();
        try (Connection c = open(database); Statement st = c.createStatement()) {
            for (String table : tables(c)) {
                if (leftOut.contains(table)) {
                    continue;
                }
                try (ResultSet rs = st.executeQuery("select count(*), coalesce(md5(string_agg(t::text, '|' order by "
                        + "t::text)), '-') from \"" + table + "\" t")) {
                    rs.next();
                    prints.put(database + "." + table, rs.getLong(1) + " rows " + rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not fingerprint " + database, e);
        }
        return prints;
    }

    static long count(String database, String sql) {
        try (Connection c = open(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count in " + database + ": " + sql, e);
        }
    }

    /** One event of an outbox row (a batch row holds many), with its row's times. */
    record OutboxEvent(String eventId, String topic, Instant createdAt, Instant publishedAt) {
    }

    /** Every event in the database's outbox: single rows, and each line of a batch row (key, type, event id, json). */
    static List<OutboxEvent> outboxEvents(String database) {
        List<OutboxEvent> events = new ArrayList<>();
        try (Connection c = open(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select event_id::text, topic, created_at, published_at from outbox where event_type <> 'outbox:batch'
                union all
                select split_part(line, E'\\t', 3), topic, created_at, published_at
                from outbox, regexp_split_to_table(payload, E'\\n') line
                where event_type = 'outbox:batch' and line <> ''""")) {
            while (rs.next()) {
                events.add(new OutboxEvent(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox of " + database, e);
        }
        return events;
    }

    /** Outbox rows not yet acknowledged by the broker. */
    static long unpublished(String database) {
        return count(database, "select count(*) from outbox where published_at is null");
    }

    /**
     * Every value of every table that could hold an identifier: text, JSON and whole-number columns, except
     * numbers that are plainly money or counts (a {@code ..._cents} column is never a BSN).
     */
    static void eachValue(String database, ValueVisitor visitor) {
        try (Connection c = open(database)) {
            c.setAutoCommit(false); // a cursor, not the whole table in memory
            for (String table : tables(c)) {
                List<String> columns = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "select column_name, data_type from information_schema.columns where table_schema = 'public' "
                                + "and table_name = '" + table + "' order by ordinal_position")) {
                    while (rs.next()) {
                        String column = rs.getString(1);
                        String type = rs.getString(2);
                        boolean text = type.contains("char") || type.equals("text") || type.startsWith("json")
                                || type.equals("ARRAY");
                        boolean number = type.equals("bigint") || type.equals("integer") || type.equals("numeric");
                        if (text || number && !column.matches(".*(cents|amount|volume|count|size|offset|days|year).*")) {
                            columns.add(column);
                        }
                    }
                }
                if (columns.isEmpty()) {
                    continue;
                }
                String select = columns.stream().map(col -> "\"" + col + "\"::text").reduce((a, b) -> a + ", " + b)
                        .orElseThrow();
                try (Statement st = c.createStatement()) {
                    st.setFetchSize(2_000);
                    try (ResultSet rs = st.executeQuery("select " + select + " from \"" + table + "\"")) {
                        while (rs.next()) {
                            for (int i = 0; i < columns.size(); i++) {
                                String value = rs.getString(i + 1);
                                if (value != null) {
                                    visitor.visit(table + "." + columns.get(i), value);
                                }
                            }
                        }
                    }
                }
            }
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + database, e);
        }
    }

    @FunctionalInterface
    interface ValueVisitor {
        void visit(String column, String value);
    }
}
