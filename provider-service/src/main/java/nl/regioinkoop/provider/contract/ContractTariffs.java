package nl.regioinkoop.provider.contract;

import jakarta.inject.Singleton;
import nl.regioinkoop.events.contracting.ContractProduct;
import nl.regioinkoop.events.contracting.ContractTerms;
import nl.regioinkoop.events.contracting.Tariff;
import nl.regioinkoop.provider.support.Sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The contract replicas and their tariffs. */
@Singleton
public class ContractTariffs {
    private final Sql sql;

    ContractTariffs(Sql sql) {
        this.sql = sql;
    }

    /** Replaces the contract's terms whole: every signed, amended or extended event carries the full terms. */
    void replaceTerms(UUID contractId, ContractTerms terms) {
        sql.update("""
                insert into contract_replica (contract_id, region, provider_agb, status, valid_from, valid_to)
                values (?, ?, ?, ?, ?, ?)
                on conflict (contract_id) do update set region = excluded.region, provider_agb = excluded.provider_agb,
                  status = excluded.status, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                  replicated_at = now()""",
                contractId, terms.region(), terms.providerAgb(), terms.status() == null ? "ACTIVE" : terms.status(),
                terms.validFrom(), terms.validTo());
        sql.update("delete from contract_tariff where contract_id = ?", contractId);
        List<Object[]> rows = new ArrayList<>();
        for (ContractProduct product : terms.products() == null ? List.<ContractProduct>of() : terms.products()) {
            for (Tariff tariff : product.tariffs() == null ? List.<Tariff>of() : product.tariffs()) {
                rows.add(new Object[]{product, tariff});
            }
        }
        sql.batch("""
                insert into contract_tariff (contract_id, product_category, product_code, funding_model, unit, profile,
                  intensity, area, amount_cents, valid_from, valid_to) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows, (st, row) -> {
                    ContractProduct product = (ContractProduct) row[0];
                    Tariff tariff = (Tariff) row[1];
                    st.setObject(1, contractId);
                    st.setString(2, product.productCategory());
                    st.setString(3, product.productCode());
                    st.setString(4, product.fundingModel());
                    st.setString(5, product.unit());
                    st.setString(6, tariff.profile());
                    st.setObject(7, tariff.intensity());
                    st.setString(8, tariff.area());
                    st.setLong(9, tariff.amountCents());
                    Sql.setDate(st, 10, tariff.validFrom() == null ? terms.validFrom() : tariff.validFrom());
                    Sql.setDate(st, 11, tariff.validTo());
                });
    }

    void status(UUID contractId, String status, LocalDate suspendedFrom, LocalDate endedOn) {
        sql.update("""
                update contract_replica set status = ?, suspended_from = coalesce(?, suspended_from),
                  ended_on = coalesce(?, ended_on), replicated_at = now() where contract_id = ?""",
                status, suspendedFrom, endedOn, contractId);
    }

    public Optional<String> statusOf(UUID contractId) {
        return sql.one("select status from contract_replica where contract_id = ?", rs -> rs.getString(1), contractId);
    }

    /** Per replicated contract its tariffs (an empty list when it has none); unknown contracts are absent. */
    public Map<UUID, List<ContractTariff>> load(Collection<UUID> contractIds) {
        Map<UUID, List<ContractTariff>> byContract = new HashMap<>();
        if (contractIds.isEmpty()) {
            return byContract;
        }
        UUID[] ids = contractIds.toArray(UUID[]::new);
        sql.list("select contract_id from contract_replica where contract_id = any(?)",
                rs -> rs.getObject(1, UUID.class), (Object) ids)
                .forEach(id -> byContract.put(id, new ArrayList<>()));
        sql.list("""
                select contract_id, product_code, unit, profile, intensity, amount_cents, valid_from, valid_to
                from contract_tariff where contract_id = any(?)""",
                rs -> new ContractTariff(rs.getObject("contract_id", UUID.class), rs.getString("product_code"),
                        rs.getString("unit"), rs.getString("profile"), Sql.integer(rs, "intensity"),
                        rs.getLong("amount_cents"), Sql.date(rs, "valid_from"), Sql.date(rs, "valid_to")),
                (Object) ids)
                .forEach(t -> byContract.get(t.contractId()).add(t));
        return byContract;
    }
}
