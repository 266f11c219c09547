package nl.regioinkoop.provider.tier;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.TierChanged;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.provider.support.ReportRefused;
import nl.regioinkoop.provider.support.Sql;
import nl.regioinkoop.provider.tier.TierController.SetTier;
import nl.regioinkoop.provider.tier.TierController.TierChange;
import nl.regioinkoop.provider.tier.TierController.TierView;

@Singleton
class Tiers {
    private final Sql sql;
    private final Outbox outbox;
    private final Clock clock;

    Tiers(Sql sql, Outbox outbox, Clock clock) {
        this.sql = sql;
        this.outbox = outbox;
        this.clock = clock;
    }

    private UUID providerId(String agbCode, boolean lock) {
        return sql.one("select id, active from provider where agb_code = ?" + (lock ? " for update" : ""),
                rs -> {
                    if (lock && !rs.getBoolean("active")) {
                        throw ReportRefused.conflict("provider-inactive", "Provider inactive",
                                "Provider " + agbCode + " is deactivated");
                    }
                    return rs.getObject("id", UUID.class);
                }, agbCode).orElseThrow(() -> ProblemException.notFound("Provider " + agbCode));
    }

    @Transactional
    TierView set(String agbCode, String region, SetTier request, String by) {
        UUID id = providerId(agbCode, true);
        String from = current(id, region);
        if (from.equals(request.tier())) {
            throw ReportRefused.conflict("tier-unchanged", "Tier unchanged",
                    "Provider " + agbCode + " is already " + from + " in region " + region);
        }
        Instant now = clock.instant();
        sql.update("""
                insert into provider_tier (provider_id, region, tier, since) values (?, ?, ?, ?)
                on conflict (provider_id, region) do update set tier = excluded.tier, since = excluded.since""",
                id, region, request.tier(), Timestamp.from(now));
        sql.update("""
                insert into tier_change (provider_id, region, from_tier, to_tier, reason, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?, ?)""", id, region, from, request.tier(), request.reason().strip(), by,
                Timestamp.from(now));
        outbox.append(Topics.PROVIDERS_V1, new TierChanged(Outbox.newEventId(), now, id, agbCode, region, from,
                request.tier(), request.reason().strip()));
        return view(agbCode, region);
    }

    private String current(UUID id, String region) {
        return sql.one("select tier from provider_tier where provider_id = ? and region = ?",
                rs -> rs.getString(1), id, region).orElse(TierController.EVERYONE);
    }

    TierView view(String agbCode, String region) {
        UUID id = providerId(agbCode, false);
        Instant since = sql.one("select since from provider_tier where provider_id = ? and region = ?",
                rs -> rs.getTimestamp(1).toInstant(), id, region).orElse(null);
        List<TierChange> history = sql.list("""
                select from_tier, to_tier, reason, changed_by, changed_at from tier_change
                where provider_id = ? and region = ? order by id""",
                rs -> new TierChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()), id, region);
        return new TierView(agbCode, region, current(id, region), since, history);
    }
}
