package nl.regioinkoop.monitoring.slice;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.monitoring.sql.Db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two figures most views are made of, grouped by dimensions of the allocation: distinct clients (pseudonyms)
 * of allocations that count in the period, and spend (accepted declarations whose period starts in it).
 */
@Singleton
public class ClientsAndSpend {
    /** Label of an allocation whose dimension monitoring has not (yet) seen. */
    public static final String UNKNOWN = "UNKNOWN";

    private final Db db;

    ClientsAndSpend(Db db) {
        this.db = db;
    }

    /** Clients and spend per key; a key holds the values of the group columns, in order. */
    public record Figure(long clients, long spendCents) {
    }

    /**
     * @param columns allocation_fact columns (constants, never user input), e.g. {@code "segment"}
     */
    @Transactional(readOnly = true)
    public Map<List<String>, Figure> by(Slice slice, String... columns) {
        String keys = keys(columns);
        List<Object> clientParams = new ArrayList<>();
        String clientSql = "select " + keys + (keys.isEmpty() ? "" : ", ")
                + "count(distinct a.client_pseudonym) from allocation_fact a where true"
                + slice.allocationFilter(clientParams) + slice.inPeriod(clientParams)
                + groupBy(columns);
        List<Object> spendParams = new ArrayList<>();
        spendParams.add(slice.fromMonth());
        spendParams.add(slice.to());
        // the summary holds 'UNKNOWN' where allocation_fact holds null, so the same keys and filters apply
        String spendSql = "select " + keys + (keys.isEmpty() ? "" : ", ")
                + "sum(a.realised_cents) from spend_slice_month a"
                + " where a.month between ? and ?" + slice.allocationFilter(spendParams) + groupBy(columns)
                + " having sum(a.realised_cents) <> 0";
        Map<List<String>, long[]> acc = new LinkedHashMap<>();
        int n = columns.length;
        db.query(clientSql, clientParams, rs -> {
            acc.computeIfAbsent(key(rs, n), k -> new long[2])[0] = rs.getLong(n + 1);
            return null;
        });
        db.query(spendSql, spendParams, rs -> {
            acc.computeIfAbsent(key(rs, n), k -> new long[2])[1] = rs.getLong(n + 1);
            return null;
        });
        Map<List<String>, Figure> out = new LinkedHashMap<>();
        acc.forEach((k, v) -> out.put(k, new Figure(v[0], v[1])));
        return out;
    }

    /** Distinct clients over the whole slice (a client in two segments counts once). */
    @Transactional(readOnly = true)
    public long distinctClients(Slice slice) {
        List<Object> params = new ArrayList<>();
        String sql = "select count(distinct a.client_pseudonym) from allocation_fact a where true"
                + slice.allocationFilter(params) + slice.inPeriod(params);
        return db.query(sql, params, rs -> rs.getLong(1)).get(0);
    }

    private static List<String> key(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        List<String> key = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            key.add(rs.getString(i));
        }
        return List.copyOf(key);
    }

    private static String keys(String... columns) {
        List<String> parts = new ArrayList<>();
        for (String c : columns) {
            parts.add("coalesce(a." + c + "::text, '" + UNKNOWN + "')");
        }
        return String.join(", ", parts);
    }

    private static String groupBy(String... columns) {
        if (columns.length == 0) {
            return "";
        }
        List<String> positions = new ArrayList<>();
        for (int i = 1; i <= columns.length; i++) {
            positions.add(String.valueOf(i));
        }
        return " group by " + String.join(", ", positions);
    }
}
