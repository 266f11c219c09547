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
import io.micronaut.serde.annotation.Serdeable;
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

@Controller("/api/v1/tenders/{id}")
@Tag(name = "Bids and questions")
class BidController {
    private final Bidding bidding;
    private final Tenders tenders;

    BidController(Bidding bidding, Tenders tenders) {
        this.bidding = bidding;
        this.tenders = tenders;
    }

    @Post("/bids")
    @Secured(Roles.PROVIDER)
    @Operation(summary = "Submit a bid on a lot, alone or as a consortium's lead, before the submission deadline")
    HttpResponse<Bid> submit(@PathVariable UUID id, @Body TenderRequests.SubmitBid body, Authentication authentication) {
        Bid bid = bidding.submit(id, body, Caller.of(authentication).providerAgb());
        return HttpResponse.created(bid, URI.create("/api/v1/tenders/" + id + "/bids/" + bid.id()));
    }

    @Get("/bids")
    @Secured({Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST, Roles.PROVIDER})
    @Operation(summary = "The bids: all for the region's roles, a provider's own for a provider")
    PageOf<Bid> bids(@PathVariable UUID id, @QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size,
                     Authentication authentication) {
        Caller caller = Caller.of(authentication);
        TenderController.readable(tenders, id, caller);
        return PageOf.slice(tenders.bids(id).stream()
                .filter(b -> caller.isRegionWide() || b.hasParty(caller.providerAgb())).toList(), page, size);
    }

    @Get("/bids/{bidId}")
    @Secured({Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST, Roles.PROVIDER})
    @Operation(summary = "One bid")
    Bid bid(@PathVariable UUID id, @PathVariable UUID bidId, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        TenderController.readable(tenders, id, caller);
        Bid bid = tenders.bid(id, bidId).orElseThrow(() -> ProblemException.notFound("Bid " + bidId));
        if (!caller.isRegionWide() && !bid.hasParty(caller.providerAgb())) {
            throw ProblemException.forbidden();
        }
        return bid;
    }

    @Post("/questions")
    @Secured(Roles.PROVIDER)
    @Operation(summary = "Ask a question about a published tender (PUBLICATION and QUESTIONS phases)")
    HttpResponse<Question> ask(@PathVariable UUID id, @Body TenderRequests.AskQuestion body,
                               Authentication authentication) {
        Question q = bidding.ask(id, body, Caller.of(authentication).providerAgb());
        return HttpResponse.created(q, URI.create("/api/v1/tenders/" + id + "/questions/" + q.id()));
    }

    @Post("/questions/{questionId}/answer")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Answer a question; it is published to all bidders in the memorandum of information")
    Question answer(@PathVariable UUID id, @PathVariable UUID questionId, @Body TenderRequests.AnswerQuestion body,
                    Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return bidding.answer(id, questionId, body, TenderController.region(caller), caller.subject());
    }

    @Get("/questions")
    @Secured({Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST, Roles.PROVIDER})
    @Operation(summary = "Questions with their askers: all for the region's roles, a provider's own for a provider")
    PageOf<Question> questions(@PathVariable UUID id, @QueryValue @Nullable Integer page,
                               @QueryValue @Nullable Integer size, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        TenderController.readable(tenders, id, caller);
        return PageOf.slice(tenders.questions(id).stream()
                .filter(q -> caller.isRegionWide() || q.askedBy().equals(caller.providerAgb())).toList(), page, size);
    }

    /** A question and its answer as every bidder reads them: without who asked. */
    @Serdeable
    record MemorandumEntry(int number, UUID lotId, String question, String answer) {
    }

    @Get("/memorandum")
    @Secured({Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST, Roles.PROVIDER})
    @Operation(summary = "The memorandum of information: every question and answer, published to all bidders")
    List<MemorandumEntry> memorandum(@PathVariable UUID id, Authentication authentication) {
        Tender t = TenderController.readable(tenders, id, Caller.of(authentication));
        if (t.phase().before(TenderPhase.MEMORANDUM_OF_INFORMATION)) {
            throw DomainProblem.phaseDoesNotAllow(t.phase().name(), "The memorandum of information is published in "
                    + "the MEMORANDUM_OF_INFORMATION phase; tender " + id + " is in " + t.phase());
        }
        return tenders.questions(id).stream()
                .map(q -> new MemorandumEntry(q.number(), q.lotId(), q.text(), q.answer())).toList();
    }
}
