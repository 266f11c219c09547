package nl.regioinkoop.contracting.strategy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.regioinkoop.contracting.common.PageOf;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.net.URI;
import java.util.UUID;

@Controller("/api/v1/strategies")
@Tag(name = "Strategies")
class StrategyController {
    private final StrategyAdoption adoption;
    private final Strategies strategies;

    StrategyController(StrategyAdoption adoption, Strategies strategies) {
        this.adoption = adoption;
        this.strategies = strategies;
    }

    @Post
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Adopt a segment's strategy for a round; the Kraljic quadrant is derived from risk and impact")
    HttpResponse<Strategy> adopt(@Body AdoptStrategy body, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Strategy s = adoption.adopt(body, regionOf(caller), caller.subject());
        return HttpResponse.created(s, URI.create("/api/v1/strategies/" + s.id()));
    }

    @Get
    @Secured({Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST})
    @Operation(summary = "The region's strategies, a page at a time")
    PageOf<Strategy> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size,
                          Authentication authentication) {
        int[] b = PageOf.bounds(page, size);
        String region = regionOf(Caller.of(authentication));
        return new PageOf<>(strategies.page(region, b[0], b[1]), b[0], b[1], strategies.count(region));
    }

    @Get("/{id}")
    @Secured({Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST})
    @Operation(summary = "One strategy")
    Strategy one(@PathVariable UUID id, Authentication authentication) {
        Strategy s = strategies.find(id).orElseThrow(() -> ProblemException.notFound("Strategy " + id));
        Caller.of(authentication).requireRegion(s.region());
        return s;
    }

    private static String regionOf(Caller caller) {
        if (caller.region() == null) {
            throw ProblemException.forbidden();
        }
        return caller.region();
    }
}
