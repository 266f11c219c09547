package nl.regioinkoop.provider.registry;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.ProviderUpdated;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.provider.registry.RegistryRequests.Change;
import nl.regioinkoop.provider.registry.RegistryRequests.ProviderDetails;
import nl.regioinkoop.provider.registry.RegistryRequests.Qualification;
import nl.regioinkoop.provider.support.ReportRefused;
import nl.regioinkoop.provider.support.Sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Updates, deactivation, history and qualifications of registry entries; every change is kept and announced. */
@Singleton
public class ProviderMaintenance {
    private final Sql sql;
    private final Outbox outbox;
    private final Clock clock;
    private final JsonMapper mapper;

    ProviderMaintenance(Sql sql, Outbox outbox, Clock clock, JsonMapper mapper) {
        this.sql = sql;
        this.outbox = outbox;
        this.clock = clock;
        this.mapper = mapper;
    }

    public ProviderDetails details(String agbCode) {
        return sql.one("select * from provider where agb_code = ?", ProviderMaintenance::details, agbCode)
                .orElseThrow(() -> ProblemException.notFound("Provider " + agbCode));
    }

    private ProviderDetails lock(String agbCode) {
        return sql.one("select * from provider where agb_code = ? for update", ProviderMaintenance::details, agbCode)
                .orElseThrow(() -> ProblemException.notFound("Provider " + agbCode));
    }

    @Transactional
    ProviderDetails update(String agbCode, RegistryRequests.UpdateProvider request, String by) {
        ProviderDetails before = lock(agbCode);
        if (!before.active()) {
            throw ReportRefused.conflict("provider-inactive", "Provider inactive",
                    "Provider " + agbCode + " is deactivated; its entry no longer changes");
        }
        List<String> areas = request.areas().stream().map(String::strip).distinct().toList();
        sql.update("""
                update provider set kvk_number = ?, name = ?, kind = ?, areas = ?, capacity = ?, version = version + 1
                where id = ?""", request.kvkNumber(), request.name().strip(), request.kind().name(),
                areas.toArray(String[]::new), request.capacity(), before.id());
        return recordAndAnnounce(before.id(), agbCode, "UPDATED", request.reason(), by);
    }

    @Transactional
    ProviderDetails deactivate(String agbCode, String reason, String by) {
        ProviderDetails before = lock(agbCode);
        if (!before.active()) {
            throw ReportRefused.conflict("provider-inactive", "Provider inactive",
                    "Provider " + agbCode + " is already deactivated");
        }
        sql.update("update provider set active = false, version = version + 1 where id = ?", before.id());
        return recordAndAnnounce(before.id(), agbCode, "DEACTIVATED", reason, by);
    }

    private ProviderDetails recordAndAnnounce(UUID id, String agbCode, String change, String reason, String by) {
        ProviderDetails after = details(agbCode);
        sql.update("""
                insert into provider_change (provider_id, changed_at, changed_by, change, reason, snapshot)
                values (?, ?, ?, ?, ?, ?)""", id, java.sql.Timestamp.from(clock.instant()), by, change, reason,
                json(after));
        outbox.append(Topics.PROVIDERS_V1, new ProviderUpdated(Outbox.newEventId(), clock.instant(), id,
                after.agbCode(), after.kvkNumber(), after.name(), after.kind().name(), after.active(), after.areas(),
                after.capacity()));
        return after;
    }

    List<Change> history(String agbCode) {
        ProviderDetails provider = details(agbCode);
        return sql.list("""
                select changed_at, changed_by, change, reason, snapshot from provider_change
                where provider_id = ? order by id""",
                rs -> new Change(rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"),
                        rs.getString("change"), rs.getString("reason"), parse(rs.getString("snapshot"))),
                provider.id());
    }

    @Transactional
    Qualification addQualification(String agbCode, RegistryRequests.AddQualification request, String by) {
        ProviderDetails provider = lock(agbCode);
        if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            throw ProblemException.invalid("validTo " + request.validTo() + " lies before validFrom " + request.validFrom());
        }
        UUID id = UUID.randomUUID();
        sql.update("""
                insert into qualification (id, provider_id, name, issued_by, valid_from, valid_to, recorded_at)
                values (?, ?, ?, ?, ?, ?, now())""", id, provider.id(), request.name().strip(), request.issuedBy(),
                request.validFrom(), request.validTo());
        recordAndAnnounce(provider.id(), agbCode, "QUALIFIED", request.name().strip(), by);
        return qualifications(agbCode).stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }

    List<Qualification> qualifications(String agbCode) {
        ProviderDetails provider = details(agbCode);
        LocalDate today = LocalDate.now(clock);
        return sql.list("select * from qualification where provider_id = ? order by valid_from, name", rs -> {
            LocalDate from = Sql.date(rs, "valid_from");
            LocalDate to = Sql.date(rs, "valid_to");
            return new Qualification(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("issued_by"),
                    from, to, !from.isAfter(today) && (to == null || !to.isBefore(today)));
        }, provider.id());
    }

    static ProviderDetails details(ResultSet rs) throws SQLException {
        Array areas = rs.getArray("areas");
        return new ProviderDetails(rs.getObject("id", UUID.class), rs.getString("agb_code"),
                rs.getString("kvk_number"), rs.getString("name"), ProviderKind.valueOf(rs.getString("kind")),
                rs.getBoolean("active"), areas == null ? List.of() : Arrays.asList((String[]) areas.getArray()),
                Sql.integer(rs, "capacity"), rs.getTimestamp("registered_at").toInstant());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProviderDetails parse(String json) {
        try {
            return mapper.readValue(json, ProviderDetails.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
