package nl.regioinkoop.contracting.contract;

import jakarta.inject.Singleton;
import nl.regioinkoop.contracting.common.Documents;
import nl.regioinkoop.contracting.common.Sql;
import nl.regioinkoop.events.contracting.ConsortiumMember;
import nl.regioinkoop.events.contracting.ContractTerms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The contracts and their history. Every change writes a new history row with the full terms. */
@Singleton
public class Contracts {
    private final Sql sql;
    private final Documents documents;

    Contracts(Sql sql, Documents documents) {
        this.sql = sql;
        this.documents = documents;
    }

    void insert(Contract c, String actor, Instant at) {
        sql.update("""
                insert into contract (id, region, tender_id, lot_id, provider_agb, party_agbs, municipalities, status,
                                      version, signed_at, document)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""",
                c.id(), c.region(), c.tenderId(), c.lotId(), c.providerAgb(),
                c.parties().stream().map(ConsortiumMember::agbCode).toList(), c.municipalities(), c.status().name(),
                c.version(), at, documents.write(c));
        history(c, "SIGNED", null, actor, at);
    }

    void update(Contract c, String action, String reason, String actor, Instant at) {
        int changed = sql.update("update contract set status = ?, version = ?, document = ?::jsonb where id = ? and version = ?",
                c.status().name(), c.version(), documents.write(c), c.id(), c.version() - 1);
        if (changed != 1) {
            throw new IllegalStateException("contract " + c.id() + " changed concurrently");
        }
        history(c, action, reason, actor, at);
    }

    private void history(Contract c, String action, String reason, String actor, Instant at) {
        sql.update("""
                insert into contract_history (contract_id, version, action, reason, actor, occurred_at, terms)
                values (?, ?, ?, ?, ?, ?, ?::jsonb)""",
                c.id(), c.version(), action, reason, actor, at, documents.write(c.terms()));
    }

    /** Locks the row for the rest of the transaction, so two changes of one contract take turns. */
    Optional<Contract> lock(UUID id) {
        return sql.one("select document::text from contract where id = ? for update",
                rs -> documents.read(rs.getString(1), Contract.class), id);
    }

    public Optional<Contract> find(UUID id) {
        return sql.one("select document::text from contract where id = ?",
                rs -> documents.read(rs.getString(1), Contract.class), id);
    }

    public List<Contract> byTender(UUID tenderId) {
        return sql.query("select document::text from contract where tender_id = ? order by signed_at, id",
                rs -> documents.read(rs.getString(1), Contract.class), tenderId);
    }

    /** The region's contracts that have not ended, oldest first, locked for the indexation that follows. */
    List<UUID> running(String region, UUID tenderId) {
        return sql.query("select id from contract where region = ? and status <> 'ENDED' "
                        + "and (?::uuid is null or tender_id = ?::uuid) order by signed_at, id for update",
                rs -> rs.getObject(1, UUID.class), region, tenderId, tenderId);
    }

    public boolean exists(UUID tenderId, UUID lotId, String providerAgb) {
        return sql.count("select count(*) from contract where tender_id = ? and lot_id = ? and provider_agb = ?",
                tenderId, lotId, providerAgb) > 0;
    }

    List<ContractHistoryEntry> history(UUID id) {
        return sql.query("""
                select version, action, reason, actor, occurred_at, terms::text from contract_history
                where contract_id = ? order by version""",
                rs -> new ContractHistoryEntry(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), documents.read(rs.getString(6), ContractTerms.class)), id);
    }

    /** Who may see what: a region's roles the region, a municipality its own, a provider its own. */
    record Scope(String region, String municipality, String providerAgb) {
    }

    record Filter(String status, String providerAgb, String municipality, UUID tenderId) {
    }

    List<Contract> page(Scope scope, Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(scope, filter, params);
        params.add(size);
        params.add((long) page * size);
        return sql.query("select document::text from contract " + where + " order by signed_at, id limit ? offset ?",
                rs -> documents.read(rs.getString(1), Contract.class), params.toArray());
    }

    long count(Scope scope, Filter filter) {
        List<Object> params = new ArrayList<>();
        return sql.count("select count(*) from contract " + where(scope, filter, params), params.toArray());
    }

    private static String where(Scope scope, Filter filter, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (scope.region() != null) {
            clauses.add("region = ?");
            params.add(scope.region());
        }
        if (scope.municipality() != null) {
            clauses.add("? = any(municipalities)");
            params.add(scope.municipality());
        }
        if (scope.providerAgb() != null) {
            clauses.add("? = any(party_agbs)");
            params.add(scope.providerAgb());
        }
        if (filter.status() != null) {
            clauses.add("status = ?");
            params.add(filter.status());
        }
        if (filter.providerAgb() != null) {
            clauses.add("? = any(party_agbs)");
            params.add(filter.providerAgb());
        }
        if (filter.municipality() != null) {
            clauses.add("? = any(municipalities)");
            params.add(filter.municipality());
        }
        if (filter.tenderId() != null) {
            clauses.add("tender_id = ?");
            params.add(filter.tenderId());
        }
        return clauses.isEmpty() ? "" : "where " + String.join(" and ", clauses);
    }
}
