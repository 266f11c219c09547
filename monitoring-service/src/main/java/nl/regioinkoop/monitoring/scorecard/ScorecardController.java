package nl.regioinkoop.monitoring.scorecard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.monitoring.slice.Render;
import nl.regioinkoop.monitoring.slice.Scopes;
import nl.regioinkoop.monitoring.slice.Slice;
import nl.regioinkoop.monitoring.slice.SliceParams;

import java.util.List;

@Controller("/api/v1/scorecards")
@Tag(name = "Provider scorecards")
class ScorecardController {
    private static final int MAX_PAGE_SIZE = 500;

    private final Scorecards scorecards;
    private final Scopes scopes;

    ScorecardController(Scorecards scorecards, Scopes scopes) {
        this.scorecards = scorecards;
        this.scopes = scopes;
    }

    @Get
    @Produces({"application/json", Render.TEXT_CSV})
    @Secured({Roles.REGION_ANALYST, Roles.MUNICIPALITY_ANALYST, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Scorecards of the providers in the slice, by spend (largest first), one page at a time")
    HttpResponse<?> list(HttpRequest<?> request, @RequestBean SliceParams params,
                         @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                         Authentication authentication) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0 || s < 1 || s > MAX_PAGE_SIZE) {
            throw ProblemException.invalid("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE,
                    new Problem.Violation(p < 0 ? "page" : "size", "out of range"));
        }
        Slice slice = scopes.of(authentication, params);
        List<Scorecards.Card> all = scorecards.of(slice);
        List<Scorecards.Card> items = all.stream().skip((long) p * s).limit(s).toList();
        return Render.figure(request, params, new Page(slice, items, p, s, all.size()), items, "scorecards");
    }

    @Get("/{agbCode}")
    @Produces({"application/json", Render.TEXT_CSV})
    @Secured({Roles.REGION_ANALYST, Roles.MUNICIPALITY_ANALYST, Roles.PROCUREMENT_OFFICER, Roles.PROVIDER})
    @Operation(summary = "One provider's scorecard; a provider may read only its own")
    HttpResponse<?> one(HttpRequest<?> request, @PathVariable String agbCode, @RequestBean SliceParams params,
                        Authentication authentication) {
        Caller caller = Caller.of(authentication);
        // who may look comes before whether the question is well-formed: a stranger learns nothing from a 400
        if (caller.has(Roles.PROVIDER) && !caller.isRegionWide() && !caller.has(Roles.MUNICIPALITY_ANALYST)) {
            caller.requireProvider(agbCode);
        } else {
            scopes.requireRegionMember(authentication);
        }
        if (!agbCode.matches("\\d{8}")) {
            throw ProblemException.invalid("agbCode must be an 8-digit AGB code",
                    new Problem.Violation("agbCode", "must be 8 digits"));
        }
        if (params.provider() != null && !params.provider().equals(agbCode)) {
            throw ProblemException.invalid("the provider filter must match the AGB code in the path",
                    new Problem.Violation("provider", "must equal " + agbCode));
        }
        SliceParams forProvider = new SliceParams(params.municipality(), params.segment(), params.profile(), agbCode,
                params.referrerType(), params.from(), params.to(), params.format());
        Slice slice = scopes.of(authentication, forProvider);
        List<Scorecards.Card> cards = scorecards.of(slice);
        if (cards.isEmpty()) {
            throw ProblemException.notFound("A scorecard of provider " + agbCode + " in this period");
        }
        return Render.figure(request, params, new One(slice, cards.get(0)), cards, "scorecard-" + agbCode);
    }

    @Serdeable
    record Page(Slice slice, List<Scorecards.Card> items, int page, int size, int total) {
    }

    @Serdeable
    record One(Slice slice, Scorecards.Card scorecard) {
    }
}
