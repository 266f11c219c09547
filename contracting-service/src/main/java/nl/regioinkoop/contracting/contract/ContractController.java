package nl.regioinkoop.contracting.contract;

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
import nl.regioinkoop.contracting.common.Codes;
import nl.regioinkoop.contracting.common.DomainProblem;
import nl.regioinkoop.contracting.common.PageOf;
import nl.regioinkoop.contracting.contract.ContractRequests.AmendTariffs;
import nl.regioinkoop.contracting.contract.ContractRequests.ApplyIndexation;
import nl.regioinkoop.contracting.contract.ContractRequests.Resume;
import nl.regioinkoop.contracting.contract.ContractRequests.SignContract;
import nl.regioinkoop.contracting.contract.ContractRequests.Suspend;
import nl.regioinkoop.contracting.contract.ContractRequests.Terminate;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/contracts")
@Tag(name = "Contracts")
class ContractController {
    private final ContractBook book;
    private final Contracts contracts;

    ContractController(ContractBook book, Contracts contracts) {
        this.book = book;
        this.contracts = contracts;
    }

    @Post
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Sign a local contract of one municipality (no tender)")
    HttpResponse<ContractView> sign(@Body SignContract body, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Contract c = book.signLocal(body, region(caller), caller.subject());
        return HttpResponse.created(ContractView.of(c), URI.create("/api/v1/contracts/" + c.id()));
    }

    @Get
    @Secured({Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST, Roles.ACCESS_OFFICER, Roles.MUNICIPALITY_ANALYST,
            Roles.PROVIDER})
    @Operation(summary = "The contracts the caller may see: the region's, a municipality's own, a provider's own")
    PageOf<ContractView> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size,
                              @QueryValue @Nullable String status, @QueryValue @Nullable String providerAgb,
                              @QueryValue @Nullable String municipality, @QueryValue @Nullable UUID tenderId,
                              Authentication authentication) {
        int[] bounds = PageOf.bounds(page, size);
        if (status != null && List.of("ACTIVE", "SUSPENDED", "ENDED").stream().noneMatch(status::equals)) {
            throw DomainProblem.invalid("status must be ACTIVE, SUSPENDED or ENDED, was " + status);
        }
        if (providerAgb != null && !Codes.isAgb(providerAgb)) {
            throw DomainProblem.invalid("providerAgb must be an AGB code of 8 digits");
        }
        if (municipality != null && !Codes.isMunicipality(municipality)) {
            throw DomainProblem.invalid("municipality must be a 4-digit CBS code");
        }
        Contracts.Scope scope = scope(Caller.of(authentication));
        Contracts.Filter filter = new Contracts.Filter(status, providerAgb, municipality, tenderId);
        List<ContractView> content = contracts.page(scope, filter, bounds[0], bounds[1]).stream()
                .map(ContractView::of).toList();
        return new PageOf<>(content, bounds[0], bounds[1], contracts.count(scope, filter));
    }

    @Get("/{id}")
    @Secured({Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST, Roles.ACCESS_OFFICER, Roles.MUNICIPALITY_ANALYST,
            Roles.PROVIDER})
    @Operation(summary = "One contract with its full terms")
    ContractView one(@PathVariable UUID id, Authentication authentication) {
        return ContractView.of(visible(id, Caller.of(authentication)));
    }

    @Get("/{id}/history")
    @Secured({Roles.PROCUREMENT_OFFICER, Roles.REGION_ANALYST, Roles.ACCESS_OFFICER, Roles.MUNICIPALITY_ANALYST,
            Roles.PROVIDER})
    @Operation(summary = "Every version of a contract: action, reason, actor, time and the full terms after it")
    List<ContractHistoryEntry> history(@PathVariable UUID id, Authentication authentication) {
        visible(id, Caller.of(authentication));
        return contracts.history(id);
    }

    @Post("/{id}/extension")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Use the next extension option")
    ContractView extend(@PathVariable UUID id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return ContractView.of(book.extend(id, region(caller), caller.subject()));
    }

    @Post("/{id}/tariff-amendments")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "New tariffs from an effective date; the old ones close the day before")
    ContractView amend(@PathVariable UUID id, @Body AmendTariffs body, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return ContractView.of(book.amendTariffs(id, body, region(caller), caller.subject()));
    }

    @Post("/{id}/indexations")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Yearly indexation: a percentage applied to every tariff from a date, rounded half-even to cents")
    ContractView index(@PathVariable UUID id, @Body ApplyIndexation body, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return ContractView.of(book.index(id, body, region(caller), caller.subject()));
    }

    @Post("/indexations")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Yearly indexation of every running contract of the region (or of one tender) at once")
    ContractRequests.IndexationResult indexAll(@Body ContractRequests.IndexAll body, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return book.indexAll(body, region(caller), caller.subject());
    }

    @Post("/{id}/suspension")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Suspend: no new allocations until resumed")
    ContractView suspend(@PathVariable UUID id, @Body Suspend body, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return ContractView.of(book.suspend(id, body, region(caller), caller.subject()));
    }

    @Post("/{id}/resumption")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Resume a suspended contract")
    ContractView resume(@PathVariable UUID id, @Body @Nullable Resume body, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return ContractView.of(book.resume(id, body, region(caller), caller.subject()));
    }

    @Post("/{id}/termination")
    @Secured(Roles.PROCUREMENT_OFFICER)
    @Operation(summary = "Terminate at an end date that respects the notice period")
    ContractView terminate(@PathVariable UUID id, @Body Terminate body, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return ContractView.of(book.terminate(id, body, region(caller), caller.subject()));
    }

    private Contract visible(UUID id, Caller caller) {
        Contract c = contracts.find(id).orElseThrow(() -> ProblemException.notFound("Contract " + id));
        Contracts.Scope scope = scope(caller);
        boolean sees = (scope.region() == null || scope.region().equals(c.region()))
                && (scope.municipality() == null || c.municipalities().contains(scope.municipality()))
                && (scope.providerAgb() == null
                || c.parties().stream().anyMatch(p -> p.agbCode().equals(scope.providerAgb())));
        if (!sees) {
            throw ProblemException.forbidden();
        }
        return c;
    }

    /** A region's roles see the region; a municipality what it takes part in; a provider what it is party to. */
    static Contracts.Scope scope(Caller caller) {
        if (caller.isRegionWide()) {
            return new Contracts.Scope(caller.region(), null, null);
        }
        if ((caller.has(Roles.ACCESS_OFFICER) || caller.has(Roles.MUNICIPALITY_ANALYST))
                && caller.municipalityCode() != null) {
            return new Contracts.Scope(null, caller.municipalityCode(), null);
        }
        if (caller.has(Roles.PROVIDER) && caller.providerAgb() != null) {
            return new Contracts.Scope(null, null, caller.providerAgb());
        }
        throw ProblemException.forbidden();
    }

    static String region(Caller caller) {
        if (caller.region() == null) {
            throw ProblemException.forbidden();
        }
        return caller.region();
    }
}
