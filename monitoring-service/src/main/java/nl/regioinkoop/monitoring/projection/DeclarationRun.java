package nl.regioinkoop.monitoring.projection;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.provider.DeclarationAccepted;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Applies a run of consecutive {@link DeclarationAccepted} events as four set-based statements, with exactly the
 * result of {@link ReportProjection#apply} on each in turn: the events are summed in Java per allocation and per
 * allocation and month, then written with {@code unnest} arrays.
 * <ul>
 *   <li>the allocation's row ({@code known}): created with the first declaration's municipality and provider, the
 *       first pseudonym that is not null kept as one by one would;</li>
 *   <li>{@code spend_month}: cents and lines added per allocation and month;</li>
 *   <li>{@code spend_slice_month}: the same sums added under each allocation's dimensions as they are now. Nothing in
 *       a run changes an allocation's dimensions (a new row gets the first declaration's, an existing row keeps its
 *       own), so every declaration of the run lands where it would one by one;</li>
 *   <li>the declared range: the first and last month per allocation.</li>
 * </ul>
 * Rows are written sorted by key, so two transactions lock them in the same order.
 */
@Singleton
class DeclarationRun {
    private final JdbcOperations jdbc;
    private final SpendSummary spend;

    DeclarationRun(JdbcOperations jdbc, SpendSummary spend) {
        this.jdbc = jdbc;
        this.spend = spend;
    }

    void apply(List<DeclarationAccepted> run) {
        if (run.isEmpty()) {
            return;
        }
        Map<UUID, Allocation> allocations = new TreeMap<>();
        Map<AllocationMonth, long[]> months = new TreeMap<>();
        for (DeclarationAccepted d : run) {
            LocalDate month = d.periodStart().withDayOfMonth(1);
            String pseudonym = Pseudonyms.safe(d.clientPseudonym(), d.eventId());
            allocations.computeIfAbsent(d.allocationId(), id -> new Allocation(d.municipalityCode(), d.providerAgb()))
                    .add(pseudonym, month);
            long[] sums = months.computeIfAbsent(new AllocationMonth(d.allocationId(), month), k -> new long[2]);
            sums[0] += d.amountCents();
            sums[1]++;
        }
        known(allocations);
        spendMonths(months);
        spend.addAll(ids(months), monthsOf(months), centsOf(months));
        declaredRange(allocations);
    }

    private void known(Map<UUID, Allocation> allocations) {
        int n = allocations.size();
        String[] ids = new String[n];
        String[] municipalities = new String[n];
        String[] providers = new String[n];
        String[] pseudonyms = new String[n];
        int i = 0;
        for (Map.Entry<UUID, Allocation> e : allocations.entrySet()) {
            ids[i] = e.getKey().toString();
            municipalities[i] = e.getValue().municipality;
            providers[i] = e.getValue().provider;
            pseudonyms[i] = e.getValue().pseudonym;
            i++;
        }
        update("""
                insert into allocation_fact (allocation_id, municipality_code, provider_agb, client_pseudonym)
                select * from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[]) order by 1
                on conflict (allocation_id) do update set
                  client_pseudonym = coalesce(allocation_fact.client_pseudonym, excluded.client_pseudonym)""",
                (c, st) -> {
                    st.setArray(1, c.createArrayOf("uuid", ids));
                    st.setArray(2, c.createArrayOf("varchar", municipalities));
                    st.setArray(3, c.createArrayOf("varchar", providers));
                    st.setArray(4, c.createArrayOf("varchar", pseudonyms));
                });
    }

    private void spendMonths(Map<AllocationMonth, long[]> months) {
        Long[] lines = months.values().stream().map(s -> s[1]).toArray(Long[]::new);
        String[] ids = ids(months);
        String[] monthArray = monthsOf(months);
        Long[] cents = centsOf(months);
        update("""
                insert into spend_month (allocation_id, month, realised_cents, lines)
                select * from unnest(?::uuid[], ?::date[], ?::bigint[], ?::bigint[]) order by 1, 2
                on conflict (allocation_id, month) do update set
                  realised_cents = spend_month.realised_cents + excluded.realised_cents,
                  lines = spend_month.lines + excluded.lines""",
                (c, st) -> {
                    st.setArray(1, c.createArrayOf("uuid", ids));
                    st.setArray(2, c.createArrayOf("date", monthArray));
                    st.setArray(3, c.createArrayOf("int8", cents));
                    st.setArray(4, c.createArrayOf("int8", lines));
                });
    }

    private void declaredRange(Map<UUID, Allocation> allocations) {
        int n = allocations.size();
        String[] ids = new String[n];
        String[] first = new String[n];
        String[] last = new String[n];
        int i = 0;
        for (Map.Entry<UUID, Allocation> e : allocations.entrySet()) {
            ids[i] = e.getKey().toString();
            first[i] = e.getValue().firstMonth.toString();
            last[i] = e.getValue().lastMonth.toString();
            i++;
        }
        update("""
                update allocation_fact a set
                  declared_from = least(coalesce(a.declared_from, r.first_month), r.first_month),
                  declared_to = greatest(coalesce(a.declared_to, r.last_month), r.last_month)
                from unnest(?::uuid[], ?::date[], ?::date[]) r(allocation_id, first_month, last_month)
                where a.allocation_id = r.allocation_id""",
                (c, st) -> {
                    st.setArray(1, c.createArrayOf("uuid", ids));
                    st.setArray(2, c.createArrayOf("date", first));
                    st.setArray(3, c.createArrayOf("date", last));
                });
    }

    private static String[] ids(Map<AllocationMonth, long[]> months) {
        return months.keySet().stream().map(k -> k.allocationId().toString()).toArray(String[]::new);
    }

    private static String[] monthsOf(Map<AllocationMonth, long[]> months) {
        return months.keySet().stream().map(k -> k.month().toString()).toArray(String[]::new);
    }

    private static Long[] centsOf(Map<AllocationMonth, long[]> months) {
        return months.values().stream().map(s -> s[0]).toArray(Long[]::new);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        jdbc.prepareStatement(sql, st -> {
            try {
                binder.bind(st.getConnection(), st);
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not run: " + sql, e);
            }
        });
    }

    /** What a run knows of one allocation, in the run's order. */
    private static final class Allocation {
        final String municipality;
        final String provider;
        String pseudonym;
        LocalDate firstMonth;
        LocalDate lastMonth;

        Allocation(String municipality, String provider) {
            this.municipality = municipality;
            this.provider = provider;
        }

        void add(String pseudonymOrNull, LocalDate month) {
            if (pseudonym == null) {
                pseudonym = pseudonymOrNull; // the first one not null stays, as coalesce does one by one
            }
            firstMonth = firstMonth == null || month.isBefore(firstMonth) ? month : firstMonth;
            lastMonth = lastMonth == null || month.isAfter(lastMonth) ? month : lastMonth;
        }
    }

    private record AllocationMonth(UUID allocationId, LocalDate month) implements Comparable<AllocationMonth> {
        @Override
        public int compareTo(AllocationMonth o) {
            int byId = allocationId.compareTo(o.allocationId);
            return byId != 0 ? byId : month.compareTo(o.month);
        }
    }
}
