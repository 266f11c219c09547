package nl.regioinkoop.monitoring.projection;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.regioinkoop.monitoring.sql.Db;

import java.sql.SQLException;
import java.util.UUID;

/**
 * Keeps {@code spend_slice_month} equal to spend_month summed by the allocations' dimensions. Both writers of an
 * allocation's dimensions or spend lock its allocation_fact row first ({@link #lock}), so a declaration and the
 * allocation's own event never interleave halfway.
 */
@Singleton
class SpendSummary {
    private static final String DIMENSIONS = """
            coalesce(a.municipality_code, 'UNKNOWN'), coalesce(a.segment, 'UNKNOWN'), coalesce(a.profile, 'UNKNOWN'),
            coalesce(a.provider_agb, 'UNKNOWN'), coalesce(a.referrer_type, 'UNKNOWN')""";
    private static final String ADD = " " + """
            on conflict (month, municipality_code, segment, profile, provider_agb, referrer_type) do update set
              realised_cents = spend_slice_month.realised_cents + excluded.realised_cents""";

    private final Db db;
    private final JdbcOperations jdbc;

    SpendSummary(Db db, JdbcOperations jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /** Takes the allocation's row lock, creating an empty row when monitoring has not seen the allocation yet. */
    void lock(UUID allocationId) {
        db.update("""
                insert into allocation_fact (allocation_id) values (?)
                on conflict (allocation_id) do update set allocation_id = excluded.allocation_id""", allocationId);
    }

    /** Adds one declaration's amount under the allocation's current dimensions. */
    void add(UUID allocationId, java.time.LocalDate periodStart, long cents) {
        db.update("insert into spend_slice_month select date_trunc('month', ?::date)::date, " + DIMENSIONS
                + ", ? from allocation_fact a where a.allocation_id = ?" + ADD, periodStart, cents, allocationId);
    }

    /**
     * Moves all of an allocation's spend under its current dimensions by sign: -1 before its dimensions change,
     * +1 after.
     */
    void move(UUID allocationId, int sign) {
        db.update("insert into spend_slice_month select s.month, " + DIMENSIONS + ", ? * s.realised_cents"
                + " from spend_month s join allocation_fact a on a.allocation_id = s.allocation_id"
                + " where s.allocation_id = ?" + ADD, (long) sign, allocationId);
    }

    /**
     * The set form of {@link #add}: per (allocation, month) the summed cents, added under each allocation's current
     * dimensions, one row per slice (sorted, so concurrent writers lock slice rows in the same order).
     */
    void addAll(String[] allocationIds, String[] months, Long[] cents) {
        jdbc.prepareStatement("insert into spend_slice_month select d.month, " + DIMENSIONS + ", sum(d.cents)"
                + " from unnest(?::uuid[], ?::date[], ?::bigint[]) d(allocation_id, month, cents)"
                + " join allocation_fact a on a.allocation_id = d.allocation_id"
                + " group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6" + ADD, st -> {
                    try {
                        st.setArray(1, st.getConnection().createArrayOf("uuid", allocationIds));
                        st.setArray(2, st.getConnection().createArrayOf("date", months));
                        st.setArray(3, st.getConnection().createArrayOf("int8", cents));
                        return st.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException("could not add spend to spend_slice_month", e);
                    }
                });
    }

    /** The set form of {@link #lock}, rows locked in key order. */
    void lockAll(String[] allocationIds) {
        run("""
                insert into allocation_fact (allocation_id) select id from unnest(?::uuid[]) id order by 1
                on conflict (allocation_id) do update set allocation_id = excluded.allocation_id""",
                allocationIds, null);
    }

    /** The set form of {@link #move}: every listed allocation's spend, summed per slice. */
    void moveAll(String[] allocationIds, int sign) {
        run("insert into spend_slice_month select s.month, " + DIMENSIONS + ", ? * sum(s.realised_cents)"
                + " from spend_month s join allocation_fact a on a.allocation_id = s.allocation_id"
                + " where s.allocation_id = any(?::uuid[]) group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6" + ADD,
                allocationIds, (long) sign);
    }

    private void run(String sql, String[] allocationIds, Long sign) {
        jdbc.prepareStatement(sql, st -> {
            try {
                int i = 1;
                if (sign != null) {
                    st.setLong(i++, sign);
                }
                st.setArray(i, st.getConnection().createArrayOf("uuid", allocationIds));
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not run: " + sql, e);
            }
        });
    }
}
