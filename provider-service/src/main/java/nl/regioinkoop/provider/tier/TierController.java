package nl.regioinkoop.provider.tier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.TierChanged;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.provider.registry.ProviderMaintenance;
import nl.regioinkoop.provider.support.ReportRefused;
import nl.regioinkoop.provider.support.Sql;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A provider's tier in a region: set by that region's procurement office, read by the provider itself. */
@Controller("/api/v1/providers/{agbCode}/tier")
@Tag(name = "Provider registry")
class TierController {
    static final String EVERYONE = "EVERYONE";

    private final Tiers tiers;

    TierController(Tiers tiers) {
        this.tiers = tiers;
    }

    @Serdeable
    record SetTier(@NotNull @Pattern(regexp = "EVERYONE|PLUS_PARTNER|CORE_PARTNER",
            message = "must be EVERYONE, PLUS_PARTNER or CORE_PARTNER") String tier,
                   @NotBlank @Size(max = 1000) String reason) {
    }

    @Serdeable
    record TierChange(String fromTier, String toTier, String reason, String changedBy, Instant changedAt) {
    }

    @Serdeable
    record TierView(String agbCode, String region, String tier, @Nullable Instant since, List<TierChange> history) {
    }

    @Put
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Move a provider to a tier in the caller's region, with a reason; publishes TierChanged")
    TierView set(@PathVariable String agbCode, @Body @Valid SetTier request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (caller.region() == null) {
            throw ProblemException.forbidden();
        }
        return tiers.set(agbCode, caller.region(), request, caller.subject());
    }

    @Get
    @Secured({Roles.PROVIDER, Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST})
    @Operation(summary = "A provider's tier and its history in a region (default: the caller's region); the provider sees its own")
    TierView get(@PathVariable String agbCode, @Nullable @QueryValue String region, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        String regionCode = region != null ? region : caller.region();
        if (caller.providerAgb() != null) {
            caller.requireProvider(agbCode);
        } else {
            caller.requireRegion(regionCode);
        }
        if (regionCode == null) {
            throw ProblemException.invalid("Name the region: ?region=MLW");
        }
        return tiers.view(agbCode, regionCode);
    }

    @Singleton
    static class Tiers {
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
                    rs -> rs.getString(1), id, region).orElse(EVERYONE);
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
}
