package nl.regioinkoop.contracting.common;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Plain SQL in the caller's transaction. Aggregates are kept as a JSON document beside the columns the queries
 * filter on; text arrays bind from a {@code Collection<String>}. A read outside a use case gets its own
 * transaction, because JDBC operations need a connection bound to one.
 */
@Singleton
@Transactional
public class Sql {
    private final JdbcOperations jdbc;

    public Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public int update(String sql, Object... params) {
        return jdbc.prepareStatement(sql, st -> {
            try {
                bind(st, params);
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("statement failed: " + e.getMessage(), e);
            }
        });
    }

    public <T> List<T> query(String sql, Row<T> row, Object... params) {
        return jdbc.prepareStatement(sql, st -> {
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
                throw new IllegalStateException("query failed: " + e.getMessage(), e);
            }
        });
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> found = query(sql, row, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public long count(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    private static void bind(PreparedStatement st, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                st.setNull(i + 1, Types.OTHER);
            } else if (p instanceof Collection<?> values) {
                Array array = st.getConnection().createArrayOf("text", values.stream().map(String::valueOf).toArray());
                st.setArray(i + 1, array);
            } else if (p instanceof Instant instant) {
                st.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else {
                st.setObject(i + 1, p);
            }
        }
    }
}
