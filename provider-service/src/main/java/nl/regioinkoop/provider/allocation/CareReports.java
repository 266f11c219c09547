package nl.regioinkoop.provider.allocation;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.CareStarted;
import nl.regioinkoop.events.provider.CareStopped;
import nl.regioinkoop.events.provider.OutcomeReported;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.provider.support.ReportRefused;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** A provider's reports on one of its own allocations: care started, care stopped, outcome. */
@Singleton
public class CareReports {
    private final Allocations allocations;
    private final Outbox outbox;
    private final Clock clock;

    CareReports(Allocations allocations, Outbox outbox, Clock clock) {
        this.allocations = allocations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public AllocationView start(Caller caller, UUID id, CareRequests.StartCare request) {
        Allocation a = allocations.ownForUpdate(caller, id);
        LocalDate start = request.startDate();
        notInFuture(start, "startDate");
        if (a.careStartedOn() != null) {
            throw ReportRefused.conflict("care-already-started", "Care already started",
                    "Care under allocation " + id + " was already reported started on " + a.careStartedOn());
        }
        if (!a.covers(start, start)) {
            throw outsidePeriod(a, "startDate " + start);
        }
        allocations.careStarted(id, start);
        outbox.append(Topics.PROVIDER_REPORTS_V1, new CareStarted(Outbox.newEventId(), clock.instant(), id,
                a.providerAgb(), a.municipalityCode(), a.clientPseudonym(), start));
        return allocations.find(id).orElseThrow().view();
    }

    @Transactional
    public AllocationView stop(Caller caller, UUID id, CareRequests.StopCare request) {
        Allocation a = allocations.ownForUpdate(caller, id);
        LocalDate stop = request.stopDate();
        notInFuture(stop, "stopDate");
        if (a.careStartedOn() == null) {
            throw ReportRefused.unprocessable("care-not-started", "Care not started",
                    "Report the start of care under allocation " + id + " before its stop");
        }
        if (a.careStoppedOn() != null) {
            throw ReportRefused.conflict("care-already-stopped", "Care already stopped",
                    "Care under allocation " + id + " was already reported stopped on " + a.careStoppedOn());
        }
        if (stop.isBefore(a.careStartedOn())) {
            throw ReportRefused.unprocessable("stop-before-start", "Stop before start",
                    "stopDate " + stop + " lies before the reported start of care on " + a.careStartedOn());
        }
        LocalDate end = a.effectiveEnd();
        if (end != null && stop.isAfter(end)) {
            throw outsidePeriod(a, "stopDate " + stop);
        }
        allocations.careStopped(id, stop, request.reasonCode());
        outbox.append(Topics.PROVIDER_REPORTS_V1, new CareStopped(Outbox.newEventId(), clock.instant(), id,
                a.providerAgb(), a.municipalityCode(), a.clientPseudonym(), stop, request.reasonCode()));
        return allocations.find(id).orElseThrow().view();
    }

    @Transactional
    AllocationView outcome(Caller caller, UUID id, CareRequests.ReportOutcome request) {
        Allocation a = allocations.ownForUpdate(caller, id);
        if (!a.hasEnded(LocalDate.now(clock))) {
            throw ReportRefused.unprocessable("allocation-not-ended", "Allocation not ended",
                    "An outcome is reported once care under allocation " + id
                            + " has stopped or the allocation has ended");
        }
        if (a.outcomeGoal() != null) {
            throw ReportRefused.conflict("outcome-already-reported", "Outcome already reported",
                    "The outcome of allocation " + id + " was already reported");
        }
        allocations.outcome(id, request.goalRealised(), request.satisfaction());
        outbox.append(Topics.PROVIDER_REPORTS_V1, new OutcomeReported(Outbox.newEventId(), clock.instant(), id,
                a.providerAgb(), a.municipalityCode(), a.clientPseudonym(), request.goalRealised(),
                request.satisfaction()));
        return allocations.find(id).orElseThrow().view();
    }

    private void notInFuture(LocalDate date, String field) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw ReportRefused.unprocessable("date-in-future", "Date in the future",
                    field + " " + date + " lies in the future; report what has happened");
        }
    }

    private static ReportRefused outsidePeriod(Allocation a, String what) {
        return ReportRefused.unprocessable("outside-allocation-period", "Outside the allocation's period",
                what + " lies outside allocation " + a.allocationId() + ", valid " + a.validFrom() + " to "
                        + (a.effectiveEnd() == null ? "open end" : a.effectiveEnd().toString()));
    }
}
