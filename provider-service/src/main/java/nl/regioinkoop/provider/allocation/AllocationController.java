package nl.regioinkoop.provider.allocation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.provider.support.Submissions;

import static nl.regioinkoop.provider.support.ProviderHttp.IDEMPOTENCY_KEY;
import static nl.regioinkoop.provider.support.ProviderHttp.agbOf;
import static nl.regioinkoop.provider.support.ProviderHttp.respond;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** A provider's own allocations, and its reports on each: care started, care stopped, outcome. */
@Controller("/api/v1/allocations")
@Tag(name = "Provider reports")
@Secured(Roles.PROVIDER)
class AllocationController {
    private final Allocations allocations;
    private final CareReports reports;
    private final Submissions submissions;
    private final Clock clock;

    AllocationController(Allocations allocations, CareReports reports, Submissions submissions, Clock clock) {
        this.allocations = allocations;
        this.reports = reports;
        this.submissions = submissions;
        this.clock = clock;
    }

    @Get
    @Operation(summary = "The calling provider's allocations, newest first; activeOnly=true for those running today")
    Page<AllocationView> list(Authentication authentication, @QueryValue(defaultValue = "false") boolean activeOnly,
                              Pageable pageable) {
        String agb = agbOf(authentication);
        LocalDate today = LocalDate.now(clock);
        int size = Math.min(pageable.getSize() <= 0 ? 100 : pageable.getSize(), 1000);
        long offset = (long) pageable.getNumber() * size;
        return Page.of(allocations.pageOf(agb, activeOnly, today, offset, size).stream().map(Allocation::view).toList(),
                Pageable.from(pageable.getNumber(), size), allocations.countOf(agb, activeOnly, today));
    }

    @Get("/{id}")
    @Operation(summary = "One of the calling provider's allocations")
    AllocationView one(Authentication authentication, @PathVariable UUID id) {
        Allocation allocation = allocations.find(id).orElseThrow(() -> ProblemException.notFound("Allocation " + id));
        Caller.of(authentication).requireProvider(allocation.providerAgb());
        return allocation.view();
    }

    @Post("/{id}/start")
    @Operation(summary = "Report that care started (JW305); publishes CareStarted")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AllocationView.class)))
    HttpResponse<String> start(Authentication authentication, @PathVariable UUID id,
                               @Body @Valid CareRequests.StartCare request,
                               @Nullable @Header(IDEMPOTENCY_KEY) String key) {
        Caller caller = Caller.of(authentication);
        return respond(submissions.submit(agbOf(authentication), key, "start:" + id, request,
                () -> reports.start(caller, id, request)));
    }

    @Post("/{id}/stop")
    @Operation(summary = "Report that care stopped with its JZ588 reason (JW307); publishes CareStopped")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AllocationView.class)))
    HttpResponse<String> stop(Authentication authentication, @PathVariable UUID id,
                              @Body @Valid CareRequests.StopCare request,
                              @Nullable @Header(IDEMPOTENCY_KEY) String key) {
        Caller caller = Caller.of(authentication);
        return respond(submissions.submit(agbOf(authentication), key, "stop:" + id, request,
                () -> reports.stop(caller, id, request)));
    }

    @Post("/{id}/outcome")
    @Operation(summary = "Report the outcome of ended care: goal realised and client satisfaction; publishes OutcomeReported")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AllocationView.class)))
    HttpResponse<String> outcome(Authentication authentication, @PathVariable UUID id,
                                 @Body @Valid CareRequests.ReportOutcome request,
                                 @Nullable @Header(IDEMPOTENCY_KEY) String key) {
        Caller caller = Caller.of(authentication);
        return respond(submissions.submit(agbOf(authentication), key, "outcome:" + id, request,
                () -> reports.outcome(caller, id, request)));
    }
}
