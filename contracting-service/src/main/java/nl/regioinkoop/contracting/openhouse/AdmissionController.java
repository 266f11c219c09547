package nl.regioinkoop.contracting.openhouse;

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
import nl.regioinkoop.contracting.tender.Bid;
import nl.regioinkoop.contracting.tender.Tender;
import nl.regioinkoop.contracting.tender.TenderRequests.SubmitBid;
import nl.regioinkoop.contracting.tender.Tenders;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.net.URI;
import java.util.UUID;

@Controller("/api/v1/open-house/{id}/admissions")
@Tag(name = "Open house")
class AdmissionController {
    private final Admissions admissions;
    private final Tenders tenders;

    AdmissionController(Admissions admissions, Tenders tenders) {
        this.admissions = admissions;
        this.tenders = tenders;
    }

    @Post
    @Secured(Roles.PROVIDER)
    @Operation(summary = "Apply for admission to an open house; meeting every knock-out criterion gives a contract at once")
    HttpResponse<Admission> admit(@PathVariable UUID id, @Body SubmitBid body, Authentication authentication) {
        Admission admission = admissions.admit(id, body, Caller.of(authentication).providerAgb());
        return HttpResponse.created(admission, URI.create("/api/v1/contracts/" + admission.contract().id()));
    }

    @Get
    @Secured({Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST, Roles.PROVIDER})
    @Operation(summary = "Admissions to an open house: all for the region's roles, a provider's own for a provider")
    PageOf<Bid> list(@PathVariable UUID id, @QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size,
                     Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Tender t = tenders.find(id).orElseThrow(() -> ProblemException.notFound("Open house " + id));
        if (caller.isRegionWide()) {
            caller.requireRegion(t.region());
        } else if (!t.phase().isPublished()) {
            throw ProblemException.notFound("Open house " + id);
        }
        return PageOf.slice(tenders.bids(id).stream().filter(b -> "ADMISSION".equals(b.kind()))
                .filter(b -> caller.isRegionWide() || b.hasParty(caller.providerAgb())).toList(), page, size);
    }
}
