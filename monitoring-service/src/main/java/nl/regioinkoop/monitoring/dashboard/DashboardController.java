package nl.regioinkoop.monitoring.dashboard;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.monitoring.slice.Scopes;

import io.micronaut.http.MediaType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Controller
@Tag(name = "Dashboard")
class DashboardController {
    private final Dimensions dimensions;
    private final Scopes scopes;
    private final String region;

    DashboardController(Dimensions dimensions, Scopes scopes, @Value("${regio.region}") String region) {
        this.dimensions = dimensions;
        this.scopes = scopes;
        this.region = region;
    }

    /**
     * The page, in the platform's layout, at /dashboard/ and /dashboard alike (its links are absolute); without a
     * session a browser is sent to the login and back.
     */
    @Get(value = "/dashboard/", produces = MediaType.TEXT_HTML)
    @Hidden
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @View("dashboard/index")
    HttpResponse<Map<String, Object>> index() {
        return HttpResponse.ok(Map.<String, Object>of()).header("Cache-Control", "no-cache");
    }

    @Get("/api/v1/dimensions")
    @Secured({Roles.REGION_ANALYST, Roles.MUNICIPALITY_ANALYST, Roles.PROCUREMENT_OFFICER, Roles.PROVIDER})
    @Operation(summary = "Who the caller is and which values the filters offer within the caller's scope")
    Me dimensions(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (caller.has(Roles.REGION_ANALYST) || caller.has(Roles.PROCUREMENT_OFFICER)) {
            caller.requireRegion(region);
            return new Me(caller.subject(), caller.has(Roles.REGION_ANALYST) ? Roles.REGION_ANALYST
                    : Roles.PROCUREMENT_OFFICER, region, null, null, scopes.today(), dimensions.of(null));
        }
        if (caller.has(Roles.MUNICIPALITY_ANALYST)) {
            scopes.requireRegionMember(authentication);
            return new Me(caller.subject(), Roles.MUNICIPALITY_ANALYST, region, caller.municipalityCode(), null,
                    scopes.today(), dimensions.of(caller.municipalityCode()));
        }
        if (caller.has(Roles.PROVIDER) && caller.providerAgb() != null) {
            return new Me(caller.subject(), Roles.PROVIDER, region, null, caller.providerAgb(), scopes.today(),
                    new Dimensions.Values(List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
        }
        throw ProblemException.forbidden();
    }

    @Serdeable
    record Me(String subject, String role, String region, String municipality, String agbCode, LocalDate today,
              Dimensions.Values dimensions) {
    }
}
