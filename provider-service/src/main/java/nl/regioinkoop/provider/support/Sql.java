package nl.regioinkoop.provider.support;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Plain SQL in the current transaction, for what a repository can't express (row locks, batches, arrays). */
@Singleton
public class Sql {
    /** JDBC batches above this size gain nothing and hold more memory. */
    static final int BATCH = 1_000;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    public Sql(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement st, T item) throws SQLException;
    }

    /** Joins the caller's transaction, or reads in one of its own. */
    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        return transactions.executeRead(status -> jdbc.prepareStatement(sql, st -> {
            try {
                bind(st, params);
                List<T> found = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.add(row.map(rs));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> found = list(sql, row, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public int update(String sql, Object... params) {
        return transactions.executeWrite(status -> jdbc.prepareStatement(sql, st -> {
            try {
                bind(st, params);
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    /** One statement, many rows: sent to the server in batches instead of one round trip per row. */
    public <T> void batch(String sql, Collection<T> items, Binder<T> binder) {
        if (items.isEmpty()) {
            return;
        }
        transactions.executeWrite(status -> jdbc.prepareStatement(sql, st -> {
            try {
                int pending = 0;
                for (T item : items) {
                    binder.bind(st, item);
                    st.addBatch();
                    if (++pending == BATCH) {
                        st.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    st.executeBatch();
                }
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e.getNextException() == null ? e : e.getNextException());
            }
        }));
    }

    @FunctionalInterface
    public interface CopyWriter<T> {
        void write(CopyRows row, T item) throws SQLException;
    }

    /**
     * Many rows with one {@code COPY ... from stdin} on the transaction's own connection: no statement, bind or
     * multi-row insert to parse per row. Joins the caller's transaction, so the rows commit or roll back with it.
     */
    public <T> long copy(String copySql, Collection<T> items, CopyWriter<T> writer) {
        if (items.isEmpty()) {
            return 0;
        }
        return transactions.executeWrite(status -> {
            try {
                CopyIn copy = status.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
                try {
                    CopyRows rows = new CopyRows(copy);
                    for (T item : items) {
                        writer.write(rows, item);
                        rows.endRow();
                    }
                    return rows.finish();
                } finally {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void bind(PreparedStatement st, Object... params) throws SQLException {
        Connection connection = st.getConnection();
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof UUID[] ids) {
                st.setArray(i + 1, connection.createArrayOf("uuid", ids));
            } else if (p instanceof String[] texts) {
                st.setArray(i + 1, connection.createArrayOf("text", texts));
            } else if (p instanceof LocalDate date) {
                st.setDate(i + 1, Date.valueOf(date));
            } else {
                st.setObject(i + 1, p);
            }
        }
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** For nullable dates in a batch binder. */
    public static void setDate(PreparedStatement st, int index, LocalDate date) throws SQLException {
        st.setDate(index, date == null ? null : Date.valueOf(date));
    }
}
