package nl.regioinkoop.provider.consortium;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.ConsortiumFormed;
import nl.regioinkoop.events.provider.ConsortiumMember;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.provider.consortium.ConsortiumController.Member;
import nl.regioinkoop.provider.consortium.ConsortiumController.FormConsortium;
import nl.regioinkoop.provider.consortium.ConsortiumController.Consortium;
import nl.regioinkoop.provider.support.ReportRefused;
import nl.regioinkoop.provider.support.Sql;

@Singleton
class Consortia {
    private final Sql sql;
    private final Outbox outbox;
    private final Clock clock;

    Consortia(Sql sql, Outbox outbox, Clock clock) {
        this.sql = sql;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Consortium form(FormConsortium request) {
        List<Member> members = request.members();
        List<Member> leads = members.stream().filter(m -> m.role().equals("LEAD")).toList();
        if (leads.size() != 1) {
            throw invalidComposition("a consortium has exactly one LEAD, this one has " + leads.size());
        }
        Set<String> seen = new HashSet<>();
        for (Member m : members) {
            if (!seen.add(m.agbCode())) {
                throw invalidComposition("provider " + m.agbCode() + " is listed twice");
            }
        }
        int total = members.stream().mapToInt(Member::shareBasisPoints).sum();
        if (total != 10_000) {
            throw invalidComposition("shares must sum to 10000 basis points (100 %), they sum to " + total);
        }
        List<String> active = sql.list("select agb_code from provider where agb_code = any(?) and active",
                rs -> rs.getString(1), (Object) seen.toArray(String[]::new));
        List<String> unknown = seen.stream().filter(agb -> !active.contains(agb)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ReportRefused.unprocessable("unknown-provider", "Unknown provider",
                    "Not registered or not active: " + String.join(", ", unknown));
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String lead = leads.get(0).agbCode();
        sql.update("insert into consortium (id, name, lead_agb, formed_at) values (?, ?, ?, ?)", id,
                request.name().strip(), lead, Timestamp.from(now));
        sql.batch("insert into consortium_member (consortium_id, agb_code, role, share_basis_points) values (?, ?, ?, ?)",
                members, (st, m) -> {
                    st.setObject(1, id);
                    st.setString(2, m.agbCode());
                    st.setString(3, m.role());
                    st.setInt(4, m.shareBasisPoints());
                });
        outbox.append(Topics.PROVIDERS_V1, new ConsortiumFormed(Outbox.newEventId(), now, id, request.name().strip(),
                lead, members.stream().map(m -> new ConsortiumMember(m.agbCode(), m.role(), m.shareBasisPoints()))
                .toList()));
        return find(id).orElseThrow();
    }

    private static ReportRefused invalidComposition(String detail) {
        return ReportRefused.unprocessable("invalid-consortium", "Invalid consortium", detail);
    }

    java.util.Optional<Consortium> find(UUID id) {
        return sql.one("select name, lead_agb, formed_at from consortium where id = ?",
                rs -> new Consortium(id, rs.getString("name"), rs.getString("lead_agb"), List.of(),
                        rs.getTimestamp("formed_at").toInstant()), id)
                .map(head -> new Consortium(id, head.name(), head.leadAgb(), members(id), head.formedAt()));
    }

    private List<Member> members(UUID id) {
        return sql.list("""
                select agb_code, role, share_basis_points from consortium_member where consortium_id = ?
                order by role, share_basis_points desc, agb_code""",
                rs -> new Member(rs.getString(1), rs.getString(2), rs.getInt(3)), id);
    }

    List<Consortium> page(long offset, int size) {
        return sql.list("select id from consortium order by formed_at desc, id limit ? offset ?",
                rs -> rs.getObject(1, UUID.class), size, offset)
                .stream().map(id -> find(id).orElseThrow()).toList();
    }

    long count() {
        return sql.one("select count(*) from consortium", rs -> rs.getLong(1)).orElse(0L);
    }
}
