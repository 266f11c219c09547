package nl.regioinkoop.provider.declaration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.provider.support.Submissions;

import java.util.List;
import java.util.UUID;

import static nl.regioinkoop.provider.support.ProviderHttp.IDEMPOTENCY_KEY;
import static nl.regioinkoop.provider.support.ProviderHttp.agbOf;
import static nl.regioinkoop.provider.support.ProviderHttp.respond;

/** Monthly declarations: one line, or tens of thousands in one request, each answered accepted or rejected. */
@Controller("/api/v1/declarations")
@Tag(name = "Provider reports")
@Secured(Roles.PROVIDER)
// off the event loop: a bulk submission holds it for a second or more, and two submissions on connections that
// share an event loop thread would otherwise run one after the other
@ExecuteOn(TaskExecutors.BLOCKING)
class DeclarationController {
    private final DeclarationIntake intake;
    private final DeclarationLines lines;
    private final Submissions submissions;

    DeclarationController(DeclarationIntake intake, DeclarationLines lines, Submissions submissions) {
        this.intake = intake;
        this.lines = lines;
        this.submissions = submissions;
    }

    @Post
    @Operation(summary = "Declare one line (JW323); answered ACCEPTED or REJECTED with a reason code (JW325)")
    @ApiResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = DeclarationRequests.LineAnswer.class)))
    HttpResponse<String> declare(Authentication authentication, @Body @Valid DeclarationRequests.Line line,
                                 @Nullable @Header(IDEMPOTENCY_KEY) String key) {
        String agb = agbOf(authentication);
        return respond(submissions.submit(agb, key, "declaration", line,
                () -> intake.declare(agb, List.of(line)).lines().get(0)));
    }

    @Post("/bulk")
    @Operation(summary = "Declare many lines at once (up to 100,000); every line is answered, in order")
    @ApiResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = DeclarationRequests.BatchAnswer.class)))
    HttpResponse<String> declareBulk(Authentication authentication, @Body @Valid DeclarationRequests.Batch batch,
                                     @Nullable @Header(IDEMPOTENCY_KEY) String key) {
        String agb = agbOf(authentication);
        return respond(submissions.submit(agb, key, "declarations", batch, () -> intake.declare(agb, batch.lines())));
    }

    @Get
    @Operation(summary = "The calling provider's declaration lines, newest first; filter by allocationId and status")
    Page<DeclarationView> list(Authentication authentication, @Nullable @QueryValue UUID allocationId,
                               @Nullable @QueryValue String status, Pageable pageable) {
        if (status != null && !status.equals(DeclarationIntake.ACCEPTED) && !status.equals(DeclarationIntake.REJECTED)) {
            throw ProblemException.invalid("status must be ACCEPTED or REJECTED, not " + status);
        }
        String agb = agbOf(authentication);
        int size = Math.min(pageable.getSize() <= 0 ? 100 : pageable.getSize(), 1000);
        return Page.of(lines.page(agb, allocationId, status, (long) pageable.getNumber() * size, size),
                Pageable.from(pageable.getNumber(), size), lines.count(agb, allocationId, status));
    }
}
