package nl.regioinkoop.contracting.tender;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.contracting.common.DomainProblem;
import nl.regioinkoop.contracting.contract.ContractBook;
import nl.regioinkoop.contracting.contract.ContractDraft;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.contracting.RankedBid;
import nl.regioinkoop.events.contracting.TenderAwarded;
import nl.regioinkoop.kit.outbox.Outbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The provisional award (after evaluation: the best N per lot, or every bid that passed in an open house) and the
 * definitive award after the standstill, which signs one contract per awarded bid.
 */
@Singleton
class Awarding {
    private final Tenders tenders;
    private final ContractBook contractBook;
    private final Outbox outbox;
    private final Clock clock;

    Awarding(Tenders tenders, ContractBook contractBook, Outbox outbox, Clock clock) {
        this.tenders = tenders;
        this.contractBook = contractBook;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Tender award(UUID tenderId, boolean definitive, LocalDate effectiveDate, String region, String actor) {
        Tender t = PhaseTransitions.locked(tenders, tenderId, region);
        LocalDate on = PhaseTransitions.stepDate(t, effectiveDate, clock);
        return definitive ? definitive(t, on, actor) : provisional(t, on);
    }

    private Tender provisional(Tender t, LocalDate today) {
        if (t.phase() != TenderPhase.EVALUATION) {
            throw DomainProblem.phaseDoesNotAllow(t.phase().name(), "A provisional award follows the evaluation; "
                    + "tender " + t.id() + " is in " + t.phase());
        }
        if (t.rankings().size() != t.lots().size()) {
            throw DomainProblem.conflict("not-ranked", "The bids are not ranked",
                    "Rank the bids of tender " + t.id() + " first: POST /api/v1/tenders/" + t.id() + "/ranking");
        }
        Tender awarded = t;
        for (Tender.LotRanking ranking : t.rankings()) {
            Tender.Lot lot = t.lot(ranking.lotId()).orElseThrow();
            List<RankedBid> passed = ranking.ranking().stream().filter(RankedBid::passedSelection).toList();
            List<RankedBid> chosen = lot.isOpenHouse() || lot.targetProviders() == null ? passed
                    : passed.subList(0, Math.min(lot.targetProviders(), passed.size()));
            List<UUID> bidIds = chosen.stream().map(RankedBid::bidId).toList();
            awarded = awarded.withAward(new Tender.LotAward(ranking.lotId(), bidIds, false, today));
            outbox.append(Topics.TENDERS_V1, new TenderAwarded(Outbox.newEventId(), clock.instant(), t.id(),
                    ranking.lotId(), bidIds, false));
        }
        Tender moved = awarded.inPhase(TenderPhase.PROVISIONAL_AWARD, today);
        tenders.update(moved);
        PhaseTransitions.phaseChanged(outbox, clock, t.id(), t.phase(), TenderPhase.PROVISIONAL_AWARD, today);
        return moved;
    }

    private Tender definitive(Tender t, LocalDate today, String actor) {
        if (t.phase() != TenderPhase.STANDSTILL && t.phase() != TenderPhase.PROVISIONAL_AWARD) {
            throw DomainProblem.phaseDoesNotAllow(t.phase().name(), "The definitive award follows the standstill "
                    + "period after the provisional award; tender " + t.id() + " is in " + t.phase());
        }
        // the standstill runs from the notice of the provisional award, or from when it was entered explicitly
        LocalDate standstillStart = t.enteredOn(TenderPhase.STANDSTILL)
                .orElseGet(() -> t.enteredOn(TenderPhase.PROVISIONAL_AWARD).orElseThrow());
        LocalDate standstillEnd = standstillStart.plusDays(t.standstillDays());
        if (!today.isAfter(standstillEnd)) {
            throw DomainProblem.standstillNotOver("The standstill of " + t.standstillDays() + " calendar days started "
                    + "on " + standstillStart + " and runs until " + standstillEnd + "; the definitive award is "
                    + "possible from " + standstillEnd.plusDays(1)).with("standstillEnds", standstillEnd.toString());
        }
        Map<UUID, Bid> bids = tenders.bids(t.id()).stream().collect(Collectors.toMap(Bid::id, Function.identity()));
        Tender awarded = t;
        List<UUID> signed = new ArrayList<>();
        for (Tender.LotAward provisional : t.awards(false)) {
            Tender.Lot lot = t.lot(provisional.lotId()).orElseThrow();
            for (UUID bidId : provisional.bidIds()) {
                Bid bid = bids.get(bidId);
                signed.add(contractBook.sign(ContractDraft.of(t.region(), t.id(), lot.lotId(), bid.parties(),
                        lot.contractForm(), lot.segment(), lot.products(), t.terms(), t.terms().validFrom()), actor).id());
            }
            awarded = awarded.withAward(new Tender.LotAward(lot.lotId(), provisional.bidIds(), true, today));
            outbox.append(Topics.TENDERS_V1, new TenderAwarded(Outbox.newEventId(), clock.instant(), t.id(),
                    lot.lotId(), provisional.bidIds(), true));
        }
        Tender moved = awarded.withContracts(signed).inPhase(TenderPhase.DEFINITIVE_AWARD, today);
        tenders.update(moved);
        PhaseTransitions.phaseChanged(outbox, clock, t.id(), t.phase(), TenderPhase.DEFINITIVE_AWARD, today);
        return moved;
    }
}
