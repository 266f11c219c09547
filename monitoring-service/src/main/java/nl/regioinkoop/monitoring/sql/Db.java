package nl.regioinkoop.monitoring.sql;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A thin layer over {@link JdbcOperations}: runs in the caller's transaction, binds dates and nulls properly. */
@Singleton
public class Db {
    private final JdbcOperations jdbc;

    public Db(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public int update(String sql, Object... params) {
        return jdbc.prepareStatement(sql, st -> {
            try {
                bind(st, java.util.Arrays.asList(params));
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not run: " + sql, e);
            }
        });
    }

    public <T> List<T> query(String sql, List<?> params, RowMapper<T> mapper) {
        return jdbc.prepareStatement(sql, st -> {
            try {
                bind(st, params);
                try (ResultSet rs = st.executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                    return rows;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not run: " + sql, e);
            }
        });
    }

    public void execute(String sql) {
        jdbc.prepareStatement(sql, st -> {
            try {
                return st.execute();
            } catch (SQLException e) {
                throw new IllegalStateException("could not run: " + sql, e);
            }
        });
    }

    private static void bind(PreparedStatement st, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof LocalDate date) {
                st.setDate(i + 1, Date.valueOf(date));
            } else if (p instanceof String[] array) {
                st.setArray(i + 1, st.getConnection().createArrayOf("text", array));
            } else {
                st.setObject(i + 1, p);
            }
        }
    }

    /** A nullable integer column. */
    public static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static LocalDate dateOrNull(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
