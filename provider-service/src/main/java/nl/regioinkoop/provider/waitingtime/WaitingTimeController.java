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
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.WaitingTimeReported;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;
import nl.regioinkoop.provider.allocation.Allocation;
import nl.regioinkoop.provider.allocation.Allocations;
import nl.regioinkoop.provider.support.ReportRefused;
import nl.regioinkoop.provider.support.Sql;
import nl.regioinkoop.provider.support.Submissions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

    @Singleton
    static class WaitingTimes {
        private final Allocations allocations;
        private final Sql sql;
        private final Outbox outbox;
        private final Clock clock;

        WaitingTimes(Allocations allocations, Sql sql, Outbox outbox, Clock clock) {
            this.allocations = allocations;
            this.sql = sql;
            this.outbox = outbox;
            this.clock = clock;
        }

        @Transactional
        WaitingTime report(Caller caller, ReportWaitingTime request) {
            Allocation a = allocations.ownForUpdate(caller, request.allocationId());
            if (request.startDate().isBefore(request.requestDate())) {
                throw ReportRefused.unprocessable("start-before-request", "Start before request",
                        "startDate " + request.startDate() + " lies before requestDate " + request.requestDate());
            }
            if (request.startDate().isAfter(LocalDate.now(clock))) {
                throw ReportRefused.unprocessable("date-in-future", "Date in the future",
                        "startDate " + request.startDate() + " lies in the future; report once care has started");
            }
            int days = Math.toIntExact(ChronoUnit.DAYS.between(request.requestDate(), request.startDate()));
            int inserted = sql.update("""
                    insert into waiting_time (allocation_id, provider_agb, request_date, start_date, waiting_days,
                      reported_at) values (?, ?, ?, ?, ?, now()) on conflict do nothing""",
                    a.allocationId(), a.providerAgb(), request.requestDate(), request.startDate(), days);
            if (inserted == 0) {
                throw ReportRefused.conflict("waiting-time-already-reported", "Waiting time already reported",
                        "The waiting time of allocation " + a.allocationId() + " was already reported");
            }
            outbox.append(Topics.PROVIDER_REPORTS_V1, new WaitingTimeReported(Outbox.newEventId(), clock.instant(),
                    a.allocationId(), a.providerAgb(), a.municipalityCode(), request.requestDate(),
                    request.startDate(), days));
            return new WaitingTime(a.allocationId(), request.requestDate(), request.startDate(), days);
        }
    }
}
