package nl.regioinkoop.monitoring.market;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.monitoring.slice.Render;
import nl.regioinkoop.monitoring.slice.Scopes;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.slice.SliceParams;

@Controller("/api/v1/market")
@Tag(name = "Market")
class MarketController {
    private final Market market;
    private final Scopes scopes;

    MarketController(Market market, Scopes scopes) {
        this.market = market;
        this.scopes = scopes;
    }

    @Get
    @Produces({"application/json", Render.TEXT_CSV})
    @Secured({Roles.REGION_ANALYST, Roles.MUNICIPALITY_ANALYST, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Share of spend of the top 3 and top 10 providers, HHI, providers per area and each provider's share")
    HttpResponse<?> market(HttpRequest<?> request, @RequestBean SliceParams params, Authentication authentication) {
        Slice slice = scopes.of(authentication, params);
        Market.View view = market.of(slice);
        return Render.figure(request, params, view, view.shares(), "market");
    }
}
