package nl.regioinkoop.contracting.tender;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.contracting.common.DomainProblem;
import nl.regioinkoop.contracting.common.Parties;
import nl.regioinkoop.contracting.common.Violations;
import nl.regioinkoop.contracting.tender.TenderRequests.SubmitBid;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.contracting.BidSubmitted;
import nl.regioinkoop.events.contracting.ConsortiumMember;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Bids and questions of providers: accepted only while the tender is open for them. */
@Singleton
public class Bidding {
    private final Tenders tenders;
    private final Parties parties;
    private final Outbox outbox;
    private final Clock clock;

    Bidding(Tenders tenders, Parties parties, Outbox outbox, Clock clock) {
        this.tenders = tenders;
        this.parties = parties;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A published tender the provider may see; an unpublished one does not exist for it. */
    static Tender published(Tenders tenders, UUID id) {
        Tender t = tenders.lock(id).orElseThrow(() -> ProblemException.notFound("Tender " + id));
        if (!t.phase().isPublished()) {
            throw ProblemException.notFound("Tender " + id);
        }
        return t;
    }

    @Transactional
    Bid submit(UUID tenderId, SubmitBid cmd, String callerAgb) {
        requireLead(cmd, callerAgb);
        Tender t = published(tenders, tenderId);
        LocalDate today = submittedOn(t, cmd.submittedOn());
        if (!TenderPhase.OPEN_FOR_BIDS.contains(t.phase()) || today.isAfter(t.submissionDeadline())) {
            throw DomainProblem.submissionDeadlinePassed("Tender " + tenderId + " accepted bids until "
                    + t.submissionDeadline() + "; it is now in phase " + t.phase()).with("phase", t.phase().name());
        }
        Bid bid = checkedBid(t, cmd, callerAgb, "BID");
        if (cmd.submittedOn() != null) {
            bid = bid.submittedOn(today.atStartOfDay(clock.getZone()).toInstant());
        }
        tenders.insertBid(bid);
        outbox.append(Topics.TENDERS_V1, new BidSubmitted(Outbox.newEventId(), clock.instant(), tenderId, bid.id(),
                bid.lotId(), bid.leadAgb(), bid.parties()));
        return bid;
    }

    /** Checks a bid or admission against the tender: lot, caller as lead, consortium rules, every knock-out answered. */
    public Bid checkedBid(Tender t, SubmitBid cmd, String callerAgb, String kind) {
        requireLead(cmd, callerAgb);
        Violations v = new Violations();
        v.check(cmd.lotId() != null && t.lot(cmd.lotId()).isPresent(), "lotId",
                "must be one of the tender's lots " + t.lots().stream().map(Tender.Lot::lotId).toList());
        List<Bid.SelectionAnswer> answers = cmd.selectionAnswers() == null ? List.of() : cmd.selectionAnswers();
        Set<String> answered = new HashSet<>();
        Set<String> known = new HashSet<>();
        t.selectionCriteria().forEach(c -> known.add(c.code()));
        for (int i = 0; i < answers.size(); i++) {
            Bid.SelectionAnswer a = answers.get(i);
            String at = "selectionAnswers[" + i + "]";
            if (a == null) {
                v.add(at, "must not be null");
                continue;
            }
            v.check(known.contains(a.criterion()) && answered.add(a.criterion()), at + ".criterion",
                    "must be one of the selection criteria " + known + ", each answered once");
            v.check(a.passed() != null, at + ".passed", "is required: true (meets it) or false");
            v.check(!Boolean.TRUE.equals(a.passed()) || (a.evidenceReference() != null
                            && !a.evidenceReference().isBlank() && a.evidenceReference().length() <= 200),
                    at + ".evidenceReference", "is required to meet a knock-out criterion (max 200 characters), "
                            + "e.g. a quality register number");
        }
        Set<String> missing = new HashSet<>(known);
        missing.removeAll(answered);
        v.check(missing.isEmpty(), "selectionAnswers", "every knock-out criterion must be answered; missing " + missing);
        v.throwIfAny();
        List<ConsortiumMember> members = parties.of(cmd.leadAgb(), cmd.leadShareBasisPoints(), cmd.members(), "");
        if (tenders.bidExists(t.id(), cmd.lotId(), cmd.leadAgb())) {
            throw DomainProblem.conflict("bid-already-submitted", "Already submitted",
                    "Provider " + cmd.leadAgb() + " already leads a " + kind.toLowerCase() + " on lot " + cmd.lotId());
        }
        boolean passed = answers.stream().allMatch(a -> Boolean.TRUE.equals(a.passed()));
        return new Bid(UUID.randomUUID(), t.id(), cmd.lotId(), kind, members, answers.stream()
                .map(a -> new Bid.SelectionAnswer(a.criterion(), a.passed(),
                        a.evidenceReference() == null ? null : a.evidenceReference().strip())).toList(),
                passed, clock.instant(), List.of());
    }

    /**
     * The day a bid counts as submitted: today; only a recorded procedure (entered after it ran) takes the
     * historical date, so a live tender's deadline cannot be dodged by backdating.
     */
    private LocalDate submittedOn(Tender t, LocalDate requested) {
        LocalDate today = LocalDate.now(clock);
        if (requested == null || requested.equals(today)) {
            return today;
        }
        if (!t.recorded()) {
            throw DomainProblem.invalid("submittedOn may only differ from today (" + today + ") in a recorded procedure",
                    new nl.regioinkoop.kit.problem.Problem.Violation("submittedOn", "must be today or absent"));
        }
        LocalDate published = t.enteredOn(TenderPhase.PUBLICATION).orElse(today);
        if (requested.isAfter(today) || requested.isBefore(published)) {
            throw DomainProblem.invalid("submittedOn " + requested + " must lie between the publication on " + published
                    + " and today", new nl.regioinkoop.kit.problem.Problem.Violation("submittedOn",
                    "must lie between " + published + " and " + today));
        }
        return requested;
    }

    /** A provider bids for itself, as the single bidder or as the consortium's lead; checked before anything else. */
    public static void requireLead(SubmitBid cmd, String callerAgb) {
        if (cmd == null) {
            throw DomainProblem.invalid("A body with the bid is required");
        }
        if (cmd.leadAgb() == null || !cmd.leadAgb().equals(callerAgb)) {
            throw ProblemException.forbidden();
        }
    }

    @Transactional
    Question ask(UUID tenderId, TenderRequests.AskQuestion cmd, String callerAgb) {
        Tender t = published(tenders, tenderId);
        if (!TenderPhase.OPEN_FOR_QUESTIONS.contains(t.phase())) {
            throw DomainProblem.phaseDoesNotAllow(t.phase().name(), "Questions are accepted in PUBLICATION and "
                    + "QUESTIONS; tender " + tenderId + " is in " + t.phase());
        }
        Violations v = new Violations();
        v.check(cmd != null && cmd.text() != null && !cmd.text().isBlank() && cmd.text().length() <= 4000, "text",
                "is required, max 4000 characters");
        v.check(cmd == null || cmd.lotId() == null || t.lot(cmd.lotId()).isPresent(), "lotId",
                "must be one of the tender's lots, or absent for the whole tender");
        v.throwIfAny();
        Question q = new Question(UUID.randomUUID(), tenderId, tenders.nextQuestionNumber(tenderId), cmd.lotId(),
                callerAgb, clock.instant(), cmd.text().strip(), null, null);
        tenders.insertQuestion(q);
        return q;
    }

    @Transactional
    Question answer(UUID tenderId, UUID questionId, TenderRequests.AnswerQuestion cmd, String region, String actor) {
        Tender t = PhaseTransitions.locked(tenders, tenderId, region);
        if (!TenderPhase.OPEN_FOR_QUESTIONS.contains(t.phase())) {
            throw DomainProblem.phaseDoesNotAllow(t.phase().name(), "Answers are given in PUBLICATION and QUESTIONS, "
                    + "before the memorandum of information; tender " + tenderId + " is in " + t.phase());
        }
        if (cmd == null || cmd.answer() == null || cmd.answer().isBlank() || cmd.answer().length() > 8000) {
            throw DomainProblem.invalid("answer is required, max 8000 characters",
                    new nl.regioinkoop.kit.problem.Problem.Violation("answer", "is required, max 8000 characters"));
        }
        Instant now = clock.instant();
        if (tenders.answer(tenderId, questionId, cmd.answer().strip(), actor, now) != 1) {
            throw ProblemException.notFound("Question " + questionId);
        }
        return tenders.questions(tenderId).stream().filter(q -> q.id().equals(questionId)).findFirst().orElseThrow();
    }
}
