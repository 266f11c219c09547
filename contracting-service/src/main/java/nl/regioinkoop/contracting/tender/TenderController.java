package nl.regioinkoop.contracting.tender;

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
import nl.regioinkoop.contracting.common.DomainProblem;
import nl.regioinkoop.contracting.common.PageOf;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/tenders")
@Tag(name = "Tenders")
class TenderController {
    private final TenderSetup setup;
    private final PhaseTransitions phases;
    private final Evaluation evaluation;
    private final Awarding awarding;
    private final Tenders tenders;

    TenderController(TenderSetup setup, PhaseTransitions phases, Evaluation evaluation, Awarding awarding,
                     Tenders tenders) {
        this.setup = setup;
        this.phases = phases;
        this.evaluation = evaluation;
        this.awarding = awarding;
        this.tenders = tenders;
    }

    @Post
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Prepare a tender under an adopted strategy: lots, draft terms, criteria, deadline")
    HttpResponse<Tender> create(@Body TenderRequests.CreateTender body, Authentication authentication) {
        Tender t = setup.create(body, region(Caller.of(authentication)));
        return HttpResponse.created(t, URI.create("/api/v1/tenders/" + t.id()));
    }

    @Get
    @Secured({Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST, Roles.PROVIDER})
    @Operation(summary = "Tenders: all of the region for its roles, the published ones for providers")
    PageOf<Tender> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size,
                        Authentication authentication) {
        int[] b = PageOf.bounds(page, size);
        Caller caller = Caller.of(authentication);
        String region = caller.isRegionWide() ? caller.region() : null;
        boolean publishedOnly = !caller.isRegionWide();
        List<Tender> content = tenders.page(region, publishedOnly, b[0], b[1]).stream()
                .map(t -> forCaller(t, caller)).toList();
        return new PageOf<>(content, b[0], b[1], tenders.count(region, publishedOnly));
    }

    @Get("/{id}")
    @Secured({Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST, Roles.PROVIDER})
    @Operation(summary = "One tender with its lots, criteria, phases, rankings and awards")
    Tender one(@PathVariable UUID id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return forCaller(readable(tenders, id, caller), caller);
    }

    @Post("/{id}/phase")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Move the tender to a later phase; refused with the reason when the phase does not allow it")
    Tender changePhase(@PathVariable UUID id, @Body TenderRequests.ChangePhase body, Authentication authentication) {
        if (body == null || body.phase() == null) {
            throw DomainProblem.invalid("phase is required");
        }
        return phases.change(id, body.phase(), body.effectiveDate(), region(Caller.of(authentication)));
    }

    @Post("/{id}/lots/{lotId}/scores")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Record one evaluator's scores (0-10) of one bid per award criterion, in EVALUATION")
    List<Tenders.Score> score(@PathVariable UUID id, @PathVariable UUID lotId,
                              @Body TenderRequests.RecordScores body, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return evaluation.score(id, lotId, body, region(caller), caller.subject());
    }

    @Post("/{id}/bids/{bidId}/selection-verdicts")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Overrule a bid's own knock-out answer after checking its evidence, in EVALUATION")
    Bid judgeSelection(@PathVariable UUID id, @PathVariable UUID bidId, @Body TenderRequests.JudgeSelection body,
                       Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return evaluation.judgeSelection(id, bidId, body, region(caller), caller.subject());
    }

    @Post("/{id}/ranking")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Rank the bids per lot by weighted total score, in EVALUATION")
    List<Tender.LotRanking> rank(@PathVariable UUID id, Authentication authentication) {
        return evaluation.rank(id, region(Caller.of(authentication))).rankings();
    }

    @Get("/{id}/ranking")
    @Secured({Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST, Roles.PROVIDER})
    @Operation(summary = "The ranking per lot (for providers once the provisional award is made)")
    List<Tender.LotRanking> ranking(@PathVariable UUID id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return forCaller(readable(tenders, id, caller), caller).rankings();
    }

    @Post("/{id}/award")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Award: provisional after evaluation, definitive after the standstill (signs the contracts)")
    Tender award(@PathVariable UUID id, @Body TenderRequests.Award body, Authentication authentication) {
        if (body == null || body.definitive() == null) {
            throw DomainProblem.invalid("definitive is required: false for the provisional, true for the definitive award");
        }
        Caller caller = Caller.of(authentication);
        return awarding.award(id, body.definitive(), body.effectiveDate(), region(caller), caller.subject());
    }

    /** The region's roles read their region's tenders; providers read published tenders only. */
    static Tender readable(Tenders tenders, UUID id, Caller caller) {
        Tender t = tenders.find(id).orElseThrow(() -> ProblemException.notFound("Tender " + id));
        if (caller.isRegionWide()) {
            caller.requireRegion(t.region());
        } else if (!t.phase().isPublished()) {
            throw ProblemException.notFound("Tender " + id);
        }
        return t;
    }

    /** Providers see the ranking only once the provisional award is made. */
    static Tender forCaller(Tender t, Caller caller) {
        if (caller.isRegionWide() || !t.phase().before(TenderPhase.PROVISIONAL_AWARD)) {
            return t;
        }
        return t.withRankings(List.of());
    }

    static String region(Caller caller) {
        if (caller.region() == null) {
            throw ProblemException.forbidden();
        }
        return caller.region();
    }
}
