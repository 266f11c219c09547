package nl.regioinkoop.monitoring.referrer;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.monitoring.slice.Render;
import nl.regioinkoop.monitoring.slice.Scopes;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.slice.SliceParams;

import java.util.List;

@Controller
@Tag(name = "Referrer grip")
class ReferrerController {
    private final ReferrerGrip grip;
    private final ReferralOutcomes outcomes;
    private final Scopes scopes;

    ReferrerController(ReferrerGrip grip, ReferralOutcomes outcomes, Scopes scopes) {
        this.grip = grip;
        this.outcomes = outcomes;
        this.scopes = scopes;
    }

    @Get("/api/v1/referrals")
    @Produces({"application/json", Render.TEXT_CSV})
    @Secured({Roles.REGION_ANALYST, Roles.MUNICIPALITY_ANALYST, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Referrals per referrer type: triaged, led to specialist care or solved otherwise, days to triage, requests for allocation answered")
    HttpResponse<?> referrals(HttpRequest<?> request, @RequestBean SliceParams params, Authentication authentication) {
        Slice slice = scopes.of(authentication, params);
        List<ReferralOutcomes.Row> rows = outcomes.of(slice);
        return Render.figure(request, params, new Outcomes(slice, rows), rows, "referrals");
    }

    @Serdeable
    record Outcomes(Slice slice, List<ReferralOutcomes.Row> rows) {
    }

    @Get("/api/v1/referrers")
    @Produces({"application/json", Render.TEXT_CSV})
    @Secured({Roles.REGION_ANALYST, Roles.MUNICIPALITY_ANALYST, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Share of clients and spend per referrer type (COD327) per segment")
    HttpResponse<?> grip(HttpRequest<?> request, @RequestBean SliceParams params, Authentication authentication) {
        Slice slice = scopes.of(authentication, params);
        List<ReferrerGrip.Row> rows = grip.of(slice);
        return Render.figure(request, params, new View(slice, rows), rows, "referrers");
    }

    @Serdeable
    record View(Slice slice, List<ReferrerGrip.Row> rows) {
    }
}
