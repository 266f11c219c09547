package nl.regioinkoop.monitoring.dashboard;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.security.authentication.Authentication;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.monitoring.slice.Scopes;

import java.util.List;

@Controller("/api/v1/providers")
@Tag(name = "Providers")
class ProviderCountsController {
    private final ProviderCounts counts;
    private final Scopes scopes;

    ProviderCountsController(ProviderCounts counts, Scopes scopes) {
        this.counts = counts;
        this.scopes = scopes;
    }

    /** Region-wide facts about the market, no client data: every analyst and the procurement office may read it. */
    @Get("/by-kind")
    @Secured({Roles.REGION_ANALYST, Roles.MUNICIPALITY_ANALYST, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Number of registered providers per kind")
    List<ProviderCounts.KindCount> byKind(Authentication authentication) {
        scopes.requireRegionMember(authentication);
        return counts.byKind();
    }
}
