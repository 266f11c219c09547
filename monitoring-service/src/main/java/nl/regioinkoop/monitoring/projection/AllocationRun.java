package nl.regioinkoop.monitoring.projection;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.access.AllocationIssued;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Applies a run of consecutive {@link AllocationIssued} events of distinct allocations as five set-based statements,
 * with exactly the result of {@link AllocationProjection#apply} on each in turn. Each event touches only its own
 * allocation's rows (its allocation_fact row, the slices of its own spend_month rows, which only add up) and its
 * referral, so lock all, move all spend out, write all rows, move all spend in gives what one by one gives.
 */
@Singleton
class AllocationRun {
    private final JdbcOperations jdbc;
    private final SpendSummary spend;

    AllocationRun(JdbcOperations jdbc, SpendSummary spend) {
        this.jdbc = jdbc;
        this.spend = spend;
    }

    /** @param run events of distinct allocations */
    void apply(List<AllocationIssued> run) {
        if (run.isEmpty()) {
            return;
        }
        List<AllocationIssued> sorted = run.stream().sorted((x, y) -> x.allocationId().compareTo(y.allocationId()))
                .toList();
        String[] ids = sorted.stream().map(a -> a.allocationId().toString()).toArray(String[]::new);
        spend.lockAll(ids);
        spend.moveAll(ids, -1);
        upsert(sorted, ids);
        spend.moveAll(ids, +1);
        referrals(run);
    }

    private void upsert(List<AllocationIssued> run, String[] ids) {
        int n = run.size();
        String[][] text = new String[14][n];
        Integer[] intensity = new Integer[n];
        Long[] committed = new Long[n];
        for (int i = 0; i < n; i++) {
            AllocationIssued a = run.get(i);
            String[] row = {
                    string(a.referralId()), a.municipalityCode(), Pseudonyms.safe(a.clientPseudonym(), a.eventId()),
                    a.providerAgb(), string(a.contractId()), a.productCategory(), a.productCode(), a.segment(),
                    a.profile(), a.referrerType(), a.fundingModel(), a.budgetLine(), string(a.validFrom()),
                    string(a.validTo())};
            for (int c = 0; c < row.length; c++) {
                text[c][i] = row[c];
            }
            intensity[i] = a.intensity();
            committed[i] = a.committedCents();
        }
        update("""
                insert into allocation_fact (allocation_id, referral_id, municipality_code, client_pseudonym,
                  provider_agb, contract_id, product_category, product_code, segment, profile, intensity,
                  referrer_type, funding_model, budget_line, valid_from, valid_to, committed_cents, status)
                select r.*, 'ACTIVE' from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[],
                  ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::varchar[],
                  ?::varchar[], ?::varchar[], ?::date[], ?::date[], ?::bigint[]) r order by 1
                on conflict (allocation_id) do update set referral_id = excluded.referral_id,
                  municipality_code = excluded.municipality_code,
                  client_pseudonym = coalesce(excluded.client_pseudonym, allocation_fact.client_pseudonym),
                  provider_agb = excluded.provider_agb, contract_id = excluded.contract_id,
                  product_category = excluded.product_category, product_code = excluded.product_code,
                  segment = excluded.segment, profile = excluded.profile, intensity = excluded.intensity,
                  referrer_type = excluded.referrer_type, funding_model = excluded.funding_model,
                  budget_line = excluded.budget_line, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                  committed_cents = excluded.committed_cents,
                  status = case when allocation_fact.status = 'REPORTED' then 'ACTIVE' else allocation_fact.status end""",
                (c, st) -> {
                    String[] types = {"uuid", "varchar", "varchar", "varchar", "uuid", "varchar", "varchar",
                            "varchar", "varchar", "varchar", "varchar", "varchar", "date", "date"};
                    st.setArray(1, c.createArrayOf("uuid", ids));
                    for (int col = 0; col < 9; col++) { // referral_id .. profile
                        st.setArray(2 + col, c.createArrayOf(types[col], text[col]));
                    }
                    st.setArray(11, c.createArrayOf("int4", intensity));
                    for (int col = 9; col < 14; col++) { // referrer_type .. valid_to
                        st.setArray(3 + col, c.createArrayOf(types[col], text[col]));
                    }
                    st.setArray(17, c.createArrayOf("int8", committed));
                });
    }

    /** The referrals these allocations answer: the first municipality, the earliest answer, as one by one. */
    private void referrals(List<AllocationIssued> run) {
        Map<UUID, Object[]> byReferral = new LinkedHashMap<>();
        for (AllocationIssued a : run) {
            if (a.referralId() == null) {
                continue;
            }
            Object[] known = byReferral.putIfAbsent(a.referralId(), new Object[] {a.municipalityCode(), a.occurredAt()});
            if (known != null && a.occurredAt().isBefore((Instant) known[1])) {
                known[1] = a.occurredAt();
            }
        }
        if (byReferral.isEmpty()) {
            return;
        }
        String[] ids = byReferral.keySet().stream().map(UUID::toString).sorted().toArray(String[]::new);
        String[] municipalities = new String[ids.length];
        String[] answered = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            Object[] r = byReferral.get(UUID.fromString(ids[i]));
            municipalities[i] = (String) r[0];
            answered[i] = r[1].toString(); // ISO instant with its zone: parsed the same whatever the session's
        }
        update("""
                insert into referral_fact (referral_id, municipality_code, answer, answered_at)
                select r.referral_id, r.municipality_code, 'ALLOCATED', r.answered_at
                from unnest(?::uuid[], ?::varchar[], ?::timestamptz[]) r(referral_id, municipality_code, answered_at)
                order by 1
                on conflict (referral_id) do update set answer = 'ALLOCATED',
                  answered_at = least(coalesce(referral_fact.answered_at, excluded.answered_at),
                                      excluded.answered_at)""",
                (c, st) -> {
                    st.setArray(1, c.createArrayOf("uuid", ids));
                    st.setArray(2, c.createArrayOf("varchar", municipalities));
                    st.setArray(3, c.createArrayOf("timestamptz", answered));
                });
    }

    private static String string(Object value) {
        return Objects.toString(value, null);
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
}
