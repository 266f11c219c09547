package nl.regioinkoop.provider.waitingtime;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.WaitingTimeReported;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.provider.allocation.Allocation;
import nl.regioinkoop.provider.allocation.Allocations;
import nl.regioinkoop.provider.support.ReportRefused;
import nl.regioinkoop.provider.support.Sql;
import nl.regioinkoop.provider.waitingtime.WaitingTimeController.ReportWaitingTime;
import nl.regioinkoop.provider.waitingtime.WaitingTimeController.WaitingTime;

@Singleton
class WaitingTimes {
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
