package nl.regioinkoop.contracting.tender;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.contracting.common.DomainProblem;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.contracting.Lot;
import nl.regioinkoop.events.contracting.TenderPhaseChanged;
import nl.regioinkoop.events.contracting.TenderPublished;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * Moves a tender forward one phase at a time (optional phases may be skipped) and refuses, with the reason, what
 * the phase does not allow. The award phases are entered through the award itself, never directly.
 */
@Singleton
class PhaseTransitions {
    private final Tenders tenders;
    private final Outbox outbox;
    private final Clock clock;

    PhaseTransitions(Tenders tenders, Outbox outbox, Clock clock) {
        this.tenders = tenders;
        this.outbox = outbox;
        this.clock = clock;
    }

    static Tender locked(Tenders tenders, UUID id, String region) {
        Tender t = tenders.lock(id).orElseThrow(() -> ProblemException.notFound("Tender " + id));
        if (!t.region().equals(region)) {
            throw ProblemException.forbidden();
        }
        return t;
    }

    @Transactional
    Tender change(UUID id, String phaseName, LocalDate effectiveDate, String region) {
        TenderPhase next = Arrays.stream(TenderPhase.values()).filter(p -> p.name().equals(phaseName)).findFirst()
                .orElseThrow(() -> DomainProblem.invalid("phase must be one of " + Arrays.toString(TenderPhase.values())
                        + ", was " + phaseName));
        Tender t = locked(tenders, id, region);
        TenderPhase current = t.phase();
        if (next == TenderPhase.PROVISIONAL_AWARD || next == TenderPhase.DEFINITIVE_AWARD) {
            throw DomainProblem.phaseDoesNotAllow(current.name(), "The " + next + " phase is entered by awarding: "
                    + "POST /api/v1/tenders/" + id + "/award with {\"definitive\": "
                    + (next == TenderPhase.DEFINITIVE_AWARD) + "}");
        }
        if (!next.before(TenderPhase.values()[current.ordinal()]) && next != current) {
            for (TenderPhase between : TenderPhase.values()) {
                if (between.ordinal() > current.ordinal() && between.ordinal() < next.ordinal()
                        && !TenderPhase.OPTIONAL.contains(between)) {
                    throw DomainProblem.phaseDoesNotAllow(current.name(), "Tender " + id + " is in " + current
                            + " and cannot skip " + between + " on its way to " + next);
                }
            }
        } else {
            throw DomainProblem.phaseDoesNotAllow(current.name(), "Tender " + id + " is in " + current
                    + "; phases only move forward, and " + next + " does not come after it");
        }
        LocalDate today = stepDate(t, effectiveDate, clock);
        switch (next) {
            case DIALOGUE -> {
                if (!t.dialogue()) {
                    throw DomainProblem.phaseDoesNotAllow(current.name(), "Tender " + id
                            + " was prepared without a dialogue phase");
                }
            }
            case PUBLICATION -> {
                if (today.isAfter(t.submissionDeadline())) {
                    throw DomainProblem.submissionDeadlinePassed("Tender " + id + " cannot be published after its "
                            + "submission deadline " + t.submissionDeadline());
                }
            }
            case MEMORANDUM_OF_INFORMATION -> {
                long open = tenders.questions(id).stream().filter(q -> q.answer() == null).count();
                if (open > 0) {
                    throw DomainProblem.conflict("unanswered-questions", "Questions are unanswered",
                            open + " question(s) of tender " + id + " have no answer yet; the memorandum of "
                                    + "information publishes every question with its answer").with("unanswered", open);
                }
            }
            case SUBMISSION_DEADLINE -> {
                if (!today.isAfter(t.submissionDeadline())) {
                    throw DomainProblem.phaseDoesNotAllow(current.name(), "Bids are accepted until the submission "
                            + "deadline " + t.submissionDeadline() + "; close submission from the day after");
                }
            }
            default -> {
            }
        }
        Tender moved = t.inPhase(next, today);
        tenders.update(moved);
        if (next == TenderPhase.PUBLICATION) {
            outbox.append(Topics.TENDERS_V1, new TenderPublished(Outbox.newEventId(), clock.instant(), id, t.region(),
                    t.title(), t.contractForm(), t.lots().stream()
                    .map(l -> new Lot(l.lotId(), l.name(), l.segment(), l.area())).toList(), t.submissionDeadline()));
        }
        phaseChanged(outbox, clock, id, current, next, today);
        return moved;
    }

    /**
     * The date a step takes effect: today, or an earlier date the office gives (a recorded procedure), but never in
     * the future and never before the tender's previous step. Every guard is judged on this date.
     */
    static LocalDate stepDate(Tender t, LocalDate requested, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (requested == null) {
            return today;
        }
        if (requested.isAfter(today)) {
            throw DomainProblem.invalid("effectiveDate " + requested + " lies in the future; today is " + today,
                    new nl.regioinkoop.kit.problem.Problem.Violation("effectiveDate", "must not lie after " + today));
        }
        t.lastStepOn().filter(requested::isBefore).ifPresent(last -> {
            throw DomainProblem.invalid("effectiveDate " + requested + " lies before the tender's previous step on "
                    + last, new nl.regioinkoop.kit.problem.Problem.Violation("effectiveDate", "must not lie before " + last));
        });
        return requested;
    }

    static void phaseChanged(Outbox outbox, Clock clock, UUID id, TenderPhase from, TenderPhase to, LocalDate on) {
        outbox.append(Topics.TENDERS_V1, new TenderPhaseChanged(Outbox.newEventId(), clock.instant(), id,
                from.name(), to.name(), on));
    }
}
