package nl.regioinkoop.contracting.openhouse;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.contracting.common.DomainProblem;
import nl.regioinkoop.contracting.contract.Contract;
import nl.regioinkoop.contracting.contract.ContractBook;
import nl.regioinkoop.contracting.contract.ContractDraft;
import nl.regioinkoop.contracting.contract.ContractView;
import nl.regioinkoop.contracting.tender.Bid;
import nl.regioinkoop.contracting.tender.Bidding;
import nl.regioinkoop.contracting.tender.Tender;
import nl.regioinkoop.contracting.tender.TenderRequests.SubmitBid;
import nl.regioinkoop.contracting.tender.Tenders;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.contracting.BidSubmitted;
import nl.regioinkoop.events.contracting.TenderAwarded;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Admits a provider to a published open house at any moment of the term: if it meets every knock-out criterion it
 * gets a contract on the procedure's standard terms at once, starting today (or at the term's start) and ending
 * with everyone else's. One who does not meet them is refused and nothing is stored.
 */
@Singleton
class Admissions {
    private final Tenders tenders;
    private final Bidding bidding;
    private final ContractBook contractBook;
    private final Outbox outbox;
    private final Clock clock;

    Admissions(Tenders tenders, Bidding bidding, ContractBook contractBook, Outbox outbox, Clock clock) {
        this.tenders = tenders;
        this.bidding = bidding;
        this.contractBook = contractBook;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Admission admit(UUID tenderId, SubmitBid cmd, String callerAgb) {
        Bidding.requireLead(cmd, callerAgb);
        Tender t = tenders.lock(tenderId).filter(x -> x.phase().isPublished())
                .orElseThrow(() -> ProblemException.notFound("Open house " + tenderId));
        Tender.Lot asked = cmd.lotId() == null ? null : t.lot(cmd.lotId()).orElse(null);
        String form = asked == null ? t.contractForm() : asked.contractForm();
        if (!"OPEN_HOUSE".equals(form)) {
            throw DomainProblem.conflict("not-an-open-house", "Not an open house",
                    "Tender " + tenderId + (asked == null ? "" : " lot " + asked.lotId()) + " is " + form
                            + "; admission at any moment applies to an OPEN_HOUSE procedure only");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate termEnd = termEnd(t);
        if (today.isAfter(termEnd)) {
            throw DomainProblem.conflict("open-house-closed", "The open house is closed",
                    "The term of open house " + tenderId + " ended on " + termEnd);
        }
        Bid admission = bidding.checkedBid(t, cmd, callerAgb, "ADMISSION");
        if (!admission.passedSelection()) {
            List<String> failed = admission.selectionAnswers().stream().filter(a -> !Boolean.TRUE.equals(a.passed()))
                    .map(Bid.SelectionAnswer::criterion).toList();
            throw DomainProblem.unprocessable("selection-not-met", "The requirements are not met",
                    "Provider " + callerAgb + " does not meet the knock-out criteria " + failed
                            + " of open house " + tenderId).with("failedCriteria", failed);
        }
        tenders.insertBid(admission);
        Tender.Lot lot = t.lot(admission.lotId()).orElseThrow();
        LocalDate start = today.isAfter(t.terms().validFrom()) ? today : t.terms().validFrom();
        Contract contract = contractBook.sign(ContractDraft.of(t.region(), t.id(), lot.lotId(), admission.parties(),
                lot.contractForm(), lot.segment(), lot.products(), t.terms(), start), "admission:" + callerAgb);
        tenders.update(t.withAward(new Tender.LotAward(lot.lotId(), List.of(admission.id()), true, today))
                .withContracts(List.of(contract.id())));
        outbox.append(Topics.TENDERS_V1, new BidSubmitted(Outbox.newEventId(), clock.instant(), t.id(),
                admission.id(), lot.lotId(), admission.leadAgb(), admission.parties()));
        outbox.append(Topics.TENDERS_V1, new TenderAwarded(Outbox.newEventId(), clock.instant(), t.id(), lot.lotId(),
                List.of(admission.id()), true));
        return new Admission(admission, ContractView.of(contract));
    }

    private static LocalDate termEnd(Tender t) {
        int years = t.terms().initialYears() + (t.terms().extensionOptions() == null ? 0
                : t.terms().extensionOptions().stream().mapToInt(i -> i).sum());
        return t.terms().validFrom().plusYears(years).minusDays(1);
    }
}
