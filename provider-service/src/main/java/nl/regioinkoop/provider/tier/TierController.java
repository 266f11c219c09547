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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.regioinkoop.events.provider.TierChanged;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.time.Instant;
import java.util.List;

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

}
