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

    /**
     * Distinct pseudonyms, compared bytewise: the same count (equality is bytewise in every deterministic
     * collation), but the sort behind it uses the C collation's abbreviated keys instead of strcoll per comparison.
     */
    public static final String DISTINCT_CLIENTS = "count(distinct a.client_pseudonym collate \"C\")";

    private final Db db;

    ClientsAndSpend(Db db) {
        this.db = db;
    }

    /** Clients and spend per key; a key holds the values of the group columns, in order. */
    public record Figure(long clients, long spendCents) {
    }

    /** Per key, and the distinct clients of the whole slice (a client in two keys counts once there). */
    public record Figures(Map<List<String>, Figure> byKey, long distinctClients) {
    }

    /**
     * @param columns allocation_fact columns (constants, never user input), e.g. {@code "segment"}
     */
    @Transactional(readOnly = true)
    public Map<List<String>, Figure> by(Slice slice, String... columns) {
        return figures(slice, false, columns).byKey();
    }

    /** {@link #by} and the slice's distinct clients from the same scan of the allocations (grouping sets). */
    @Transactional(readOnly = true)
    public Figures withDistinctTotal(Slice slice, String... columns) {
        return figures(slice, true, columns);
    }

    /**
     * {@link #withDistinctTotal} for a municipality's slice and for the same slice over the whole region, from one
     * scan of the region's allocations: {@code [municipality, region]}.
     */
    @Transactional(readOnly = true)
    public Figures[] withDistinctTotalBesideRegion(Slice slice, String... columns) {
        if (slice.municipality() == null || columns.length == 0) {
            throw new IllegalArgumentException("needs a municipality and at least one column");
        }
        roomForDistinctCounts();
        Slice region = slice.withMunicipality(null);
        String keys = keys(columns);
        String own = " filter (where a.municipality_code = ?)";
        List<Object> clientParams = new ArrayList<>(List.of(slice.municipality(), slice.municipality()));
        String clientSql = "select " + keys + ", " + DISTINCT_CLIENTS + ", " + DISTINCT_CLIENTS + own
                + ", count(*)" + own + " from allocation_fact a where true" + region.allocationFilter(clientParams)
                + region.inPeriod(clientParams) + groupByWithTotal(columns);
        Map<List<String>, long[]> mine = new LinkedHashMap<>();
        Map<List<String>, long[]> all = new LinkedHashMap<>();
        int n = columns.length;
        long[] distinct = new long[2];
        db.query(clientSql, clientParams, rs -> {
            if (rs.getString(1) == null) {
                distinct[0] = rs.getLong(n + 2);
                distinct[1] = rs.getLong(n + 1);
                return null;
            }
            List<String> key = key(rs, n);
            all.computeIfAbsent(key, k -> new long[2])[0] = rs.getLong(n + 1);
            if (rs.getLong(n + 3) > 0) {
                mine.computeIfAbsent(key, k -> new long[2])[0] = rs.getLong(n + 2);
            }
            return null;
        });
        List<Object> spendParams = new ArrayList<>(List.of(slice.municipality(), region.fromMonth(), region.to()));
        String spendSql = "select " + keys + ", sum(a.realised_cents), coalesce(sum(a.realised_cents)" + own + ", 0)"
                + " from spend_slice_month a where a.month between ? and ?" + region.allocationFilter(spendParams)
                + groupBy(columns);
        db.query(spendSql, spendParams, rs -> {
            // as "having sum <> 0" in each slice
            if (rs.getLong(n + 1) != 0) {
                all.computeIfAbsent(key(rs, n), k -> new long[2])[1] = rs.getLong(n + 1);
            }
            if (rs.getLong(n + 2) != 0) {
                mine.computeIfAbsent(key(rs, n), k -> new long[2])[1] = rs.getLong(n + 2);
            }
            return null;
        });
        return new Figures[]{new Figures(figureMap(mine), distinct[0]), new Figures(figureMap(all), distinct[1])};
    }

    private static Map<List<String>, Figure> figureMap(Map<List<String>, long[]> acc) {
        Map<List<String>, Figure> out = new LinkedHashMap<>();
        acc.forEach((k, v) -> out.put(k, new Figure(v[0], v[1])));
        return out;
    }

    /**
     * Lets this transaction's distinct counts hash and sort in memory (the default 4 MB spills to disk from ~50k
     * allocations on); local to the read transaction.
     */
    public void roomForDistinctCounts() {
        db.execute("set local work_mem = '32MB'");
    }

    private Figures figures(Slice slice, boolean total, String... columns) {
        roomForDistinctCounts();
        String keys = keys(columns);
        List<Object> clientParams = new ArrayList<>();
        String where = " from allocation_fact a where true" + slice.allocationFilter(clientParams)
                + slice.inPeriod(clientParams);
        String clientSql = total || columns.length == 0
                ? "select " + keys + (keys.isEmpty() ? "" : ", ") + DISTINCT_CLIENTS + where
                        + (total ? groupByWithTotal(columns) : groupBy(columns))
                // distinct (key, pseudonym) pairs by hashing, then counted: about twice as fast as count(distinct),
                // which sorts each group's pseudonyms
                : "select " + aliases(columns) + ", count(*) from (select distinct " + keys + ", a.client_pseudonym"
                        + where + ") d" + groupBy(columns);
        Map<List<String>, long[]> acc = new LinkedHashMap<>();
        int n = columns.length;
        long[] distinct = new long[1];
        db.query(clientSql, clientParams, rs -> {
            // keys are coalesced, so only the grand-total row of the grouping sets has nulls
            if (total && (n == 0 || rs.getString(1) == null)) {
                distinct[0] = rs.getLong(n + 1);
            } else {
                acc.computeIfAbsent(key(rs, n), k -> new long[2])[0] = rs.getLong(n + 1);
            }
            return null;
        });
        spendBy(slice, columns).forEach((k, spend) -> acc.computeIfAbsent(k, x -> new long[2])[1] = spend);
        return new Figures(figureMap(acc), distinct[0]);
    }

    /** Spend per key (keys with no spend left out), from the spend summary. */
    @Transactional(readOnly = true)
    public Map<List<String>, Long> spendBy(Slice slice, String... columns) {
        String keys = keys(columns);
        List<Object> spendParams = new ArrayList<>();
        spendParams.add(slice.fromMonth());
        spendParams.add(slice.to());
        // the summary holds 'UNKNOWN' where allocation_fact holds null, so the same keys and filters apply
        String spendSql = "select " + keys + (keys.isEmpty() ? "" : ", ")
                + "sum(a.realised_cents) from spend_slice_month a"
                + " where a.month between ? and ?" + slice.allocationFilter(spendParams) + groupBy(columns)
                + " having sum(a.realised_cents) <> 0";
        Map<List<String>, Long> out = new LinkedHashMap<>();
        int n = columns.length;
        db.query(spendSql, spendParams, rs -> out.put(key(rs, n), rs.getLong(n + 1)));
        return out;
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
        for (int i = 0; i < columns.length; i++) {
            parts.add("coalesce(a." + columns[i] + "::text, '" + UNKNOWN + "') as k" + (i + 1));
        }
        return String.join(", ", parts);
    }

    private static String aliases(String... columns) {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= columns.length; i++) {
            parts.add("k" + i);
        }
        return String.join(", ", parts);
    }

    private static String groupByWithTotal(String... columns) {
        return columns.length == 0 ? "" : " group by grouping sets ((" + groupBy(columns).substring(" group by ".length())
                + "), ())";
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
