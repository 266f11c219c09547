package nl.regioinkoop.provider.allocation;

import jakarta.inject.Singleton;
import nl.regioinkoop.events.access.AllocationChanged;
import nl.regioinkoop.events.access.AllocationEnded;
import nl.regioinkoop.events.access.AllocationIssued;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.provider.support.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The allocation replicas; written only by {@link AllocationProjection} and the provider's own reports. */
@Singleton
public class Allocations {
    private final Sql sql;

    Allocations(Sql sql) {
        this.sql = sql;
    }

    void issued(AllocationIssued e) {
        sql.update("""
                insert into allocation_replica (allocation_id, municipality_code, client_pseudonym, provider_agb,
                  contract_id, product_category, product_code, profile, intensity, funding_model, volume, unit,
                  frequency, valid_from, valid_to, tariff_cents)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (allocation_id) do update set municipality_code = excluded.municipality_code,
                  client_pseudonym = excluded.client_pseudonym, provider_agb = excluded.provider_agb,
                  contract_id = excluded.contract_id, product_category = excluded.product_category,
                  product_code = excluded.product_code, profile = excluded.profile, intensity = excluded.intensity,
                  funding_model = excluded.funding_model, volume = excluded.volume, unit = excluded.unit,
                  frequency = excluded.frequency, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                  tariff_cents = excluded.tariff_cents, replicated_at = now()""",
                e.allocationId(), e.municipalityCode(), e.clientPseudonym(), e.providerAgb(), e.contractId(),
                e.productCategory(), e.productCode(), e.profile(), e.intensity(), e.fundingModel(), e.volume(),
                e.unit(), e.frequency(), e.validFrom(), e.validTo(), e.tariffCents());
    }

    void changed(AllocationChanged e) {
        sql.update("""
                update allocation_replica set volume = ?, unit = coalesce(?, unit), frequency = coalesce(?, frequency),
                  valid_from = coalesce(?, valid_from), valid_to = ?, replicated_at = now() where allocation_id = ?""",
                e.volume(), e.unit(), e.frequency(), e.validFrom(), e.validTo(), e.allocationId());
    }

    void ended(AllocationEnded e) {
        sql.update("""
                update allocation_replica set ended_on = ?, end_reason = ?, withdrawn = ?, replicated_at = now()
                where allocation_id = ?""", e.endDate(), e.reasonCode(), e.withdrawn(), e.allocationId());
    }

    public Optional<Allocation> find(UUID id) {
        return sql.one("select * from allocation_replica where allocation_id = ?", Allocations::map, id);
    }

    /**
     * The caller's allocation, locked for the rest of the transaction so concurrent reports on it queue up.
     * Unknown: 404; another provider's: 403 that says nothing more.
     */
    public Allocation ownForUpdate(Caller caller, UUID id) {
        Allocation allocation = sql.one("select * from allocation_replica where allocation_id = ? for update",
                Allocations::map, id).orElseThrow(() -> ProblemException.notFound("Allocation " + id));
        caller.requireProvider(allocation.providerAgb());
        return allocation;
    }

    /** Locks in id order, so two bulk submissions touching the same allocations cannot deadlock. */
    public Map<UUID, Allocation> lockAll(Collection<UUID> ids) {
        List<Allocation> found = sql.list(
                "select * from allocation_replica where allocation_id = any(?) order by allocation_id for update",
                Allocations::map, (Object) ids.toArray(UUID[]::new));
        return found.stream().collect(Collectors.toMap(Allocation::allocationId, Function.identity()));
    }

    List<Allocation> pageOf(String providerAgb, boolean activeOn, LocalDate day, long offset, int size) {
        return sql.list("""
                select * from allocation_replica where provider_agb = ?
                  and (not ? or (valid_from <= ? and (valid_to is null or valid_to >= ?) and (ended_on is null or ended_on >= ?)))
                order by valid_from desc, allocation_id limit ? offset ?""",
                Allocations::map, providerAgb, activeOn, day, day, day, size, offset);
    }

    long countOf(String providerAgb, boolean activeOn, LocalDate day) {
        return sql.one("""
                select count(*) from allocation_replica where provider_agb = ?
                  and (not ? or (valid_from <= ? and (valid_to is null or valid_to >= ?) and (ended_on is null or ended_on >= ?)))""",
                rs -> rs.getLong(1), providerAgb, activeOn, day, day, day).orElse(0L);
    }

    void careStarted(UUID id, LocalDate startDate) {
        sql.update("update allocation_replica set care_started_on = ? where allocation_id = ?", startDate, id);
    }

    void careStopped(UUID id, LocalDate stopDate, String reason) {
        sql.update("update allocation_replica set care_stopped_on = ?, stop_reason = ? where allocation_id = ?",
                stopDate, reason, id);
    }

    void outcome(UUID id, String goal, int satisfaction) {
        sql.update("update allocation_replica set outcome_goal = ?, outcome_satisfaction = ? where allocation_id = ?",
                goal, satisfaction, id);
    }

    /** Adds accepted volume per allocation in one statement. */
    public void addDeclaredVolumes(Map<UUID, Long> volumes) {
        if (volumes.isEmpty()) {
            return;
        }
        UUID[] ids = volumes.keySet().toArray(UUID[]::new);
        String[] added = java.util.Arrays.stream(ids).map(id -> String.valueOf(volumes.get(id))).toArray(String[]::new);
        sql.update("""
                update allocation_replica a set declared_volume = a.declared_volume + v.added::bigint
                from unnest(?::uuid[], ?::text[]) as v(id, added) where a.allocation_id = v.id""",
                ids, added);
    }

    static Allocation map(ResultSet rs) throws SQLException {
        return new Allocation(rs.getObject("allocation_id", UUID.class), rs.getString("municipality_code"),
                rs.getString("client_pseudonym"), rs.getString("provider_agb"),
                rs.getObject("contract_id", UUID.class), rs.getString("product_category"),
                rs.getString("product_code"), rs.getString("profile"), Sql.integer(rs, "intensity"),
                rs.getString("funding_model"), rs.getLong("volume"), rs.getString("unit"),
                rs.getString("frequency"), Sql.date(rs, "valid_from"), Sql.date(rs, "valid_to"),
                rs.getLong("tariff_cents"), Sql.date(rs, "ended_on"), rs.getString("end_reason"),
                rs.getBoolean("withdrawn"), rs.getLong("declared_volume"), Sql.date(rs, "care_started_on"),
                Sql.date(rs, "care_stopped_on"), rs.getString("stop_reason"), rs.getString("outcome_goal"),
                Sql.integer(rs, "outcome_satisfaction"));
    }
}
