package nl.regioinkoop.provider.waitingtime;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.regioinkoop.events.provider.WaitingTimeReported;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.provider.support.Submissions;

import java.time.LocalDate;
import java.util.UUID;

import static nl.regioinkoop.provider.support.ProviderHttp.IDEMPOTENCY_KEY;
import static nl.regioinkoop.provider.support.ProviderHttp.agbOf;
import static nl.regioinkoop.provider.support.ProviderHttp.respond;

/** A provider reports, once per allocation, how long the client waited from request to start of care. */
@Controller("/api/v1/waiting-times")
@Tag(name = "Provider reports")
@Secured(Roles.PROVIDER)
class WaitingTimeController {
    private final WaitingTimes waitingTimes;
    private final Submissions submissions;

    WaitingTimeController(WaitingTimes waitingTimes, Submissions submissions) {
        this.waitingTimes = waitingTimes;
        this.submissions = submissions;
    }

    @Serdeable
    record ReportWaitingTime(@NotNull UUID allocationId, @NotNull LocalDate requestDate, @NotNull LocalDate startDate) {
    }

    @Serdeable
    record WaitingTime(UUID allocationId, LocalDate requestDate, LocalDate startDate, int waitingDays) {
    }

    @Post
    @Operation(summary = "Report the waiting time of one allocation; publishes WaitingTimeReported")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WaitingTime.class)))
    HttpResponse<String> report(Authentication authentication, @Body @Valid ReportWaitingTime request,
                                @Nullable @Header(IDEMPOTENCY_KEY) String key) {
        Caller caller = Caller.of(authentication);
        return respond(submissions.submit(agbOf(authentication), key, "waiting-time", request,
                () -> waitingTimes.report(caller, request)));
    }

}
