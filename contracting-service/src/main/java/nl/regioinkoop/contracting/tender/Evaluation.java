package nl.regioinkoop.contracting.tender;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.contracting.common.DomainProblem;
import nl.regioinkoop.contracting.common.Violations;
import nl.regioinkoop.contracting.tender.TenderRequests.RecordScores;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.contracting.BidsRanked;
import nl.regioinkoop.events.contracting.RankedBid;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.problem.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Scores per evaluator per award criterion, and the ranking per lot: a bid's total is the sum over criteria of
 * weight x (mean score of the evaluators / 10), so 0-100. Bids that fail a knock-out criterion rank after all
 * that pass and are never awarded.
 */
@Singleton
class Evaluation {
    private static final Pattern EVALUATOR = Pattern.compile("[\\p{L}0-9 .@_-]{1,200}");
    private static final BigDecimal TEN = BigDecimal.TEN;
    private final Tenders tenders;
    private final Outbox outbox;
    private final Clock clock;

    Evaluation(Tenders tenders, Outbox outbox, Clock clock) {
        this.tenders = tenders;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    List<Tenders.Score> score(UUID tenderId, UUID lotId, RecordScores cmd, String region, String actor) {
        Tender t = PhaseTransitions.locked(tenders, tenderId, region);
        if (t.phase() != TenderPhase.EVALUATION) {
            throw DomainProblem.phaseDoesNotAllow(t.phase().name(), "Bids are scored in EVALUATION; tender "
                    + tenderId + " is in " + t.phase());
        }
        if (t.lot(lotId).isEmpty()) {
            throw ProblemException.notFound("Lot " + lotId);
        }
        Violations v = new Violations();
        v.check(cmd != null && cmd.bidId() != null, "bidId", "is required");
        String evaluator = cmd == null || cmd.evaluator() == null ? actor : cmd.evaluator().strip();
        v.check(EVALUATOR.matcher(evaluator).matches(), "evaluator", "1-200 letters, digits, spaces, . @ _ or -");
        Map<String, BigDecimal> scores = cmd == null || cmd.scores() == null ? Map.of() : cmd.scores();
        v.check(!scores.isEmpty(), "scores", "must score at least one award criterion");
        List<String> codes = t.awardCriteria().stream().map(Tender.AwardCriterion::code).toList();
        scores.forEach((criterion, score) -> {
            v.check(codes.contains(criterion), "scores." + criterion, "is not an award criterion; those are " + codes);
            v.check(score != null && score.signum() >= 0 && score.compareTo(TEN) <= 0 && score.scale() <= 2,
                    "scores." + criterion, "must be a score from 0 to 10 (at most 2 decimals)");
        });
        v.throwIfAny();
        Bid bid = tenders.bid(tenderId, cmd.bidId()).filter(b -> b.lotId().equals(lotId))
                .orElseThrow(() -> ProblemException.notFound("Bid " + cmd.bidId() + " on lot " + lotId));
        scores.forEach((criterion, score) -> tenders.score(tenderId, bid.id(), evaluator, criterion, score));
        return tenders.scores(tenderId).stream().filter(s -> s.bidId().equals(bid.id())).toList();
    }

    /**
     * Records the office's verdict on a knock-out answer. A ranking of the bid's lot no longer holds afterwards and
     * is dropped, so the award waits for a new ranking.
     */
    @Transactional
    Bid judgeSelection(UUID tenderId, UUID bidId, TenderRequests.JudgeSelection cmd, String region, String actor) {
        Tender t = PhaseTransitions.locked(tenders, tenderId, region);
        if (t.phase() != TenderPhase.EVALUATION) {
            throw DomainProblem.phaseDoesNotAllow(t.phase().name(), "Selection is assessed in EVALUATION; tender "
                    + tenderId + " is in " + t.phase());
        }
        Bid bid = tenders.bid(tenderId, bidId).orElseThrow(() -> ProblemException.notFound("Bid " + bidId));
        Violations v = new Violations();
        List<String> codes = t.selectionCriteria().stream().map(Tender.SelectionCriterion::code).toList();
        v.check(cmd != null && codes.contains(cmd.criterion()), "criterion", "must be one of " + codes);
        v.check(cmd != null && cmd.passed() != null, "passed", "is required");
        v.check(cmd != null && cmd.reason() != null && !cmd.reason().isBlank() && cmd.reason().length() <= 500,
                "reason", "is required (max 500 characters): the bidder is told why");
        v.throwIfAny();
        Bid judged = bid.withVerdict(new Bid.SelectionVerdict(cmd.criterion(), cmd.passed(), cmd.reason().strip(),
                actor, clock.instant()));
        tenders.updateBid(judged);
        tenders.update(t.withRankings(t.rankings().stream().filter(r -> !r.lotId().equals(bid.lotId())).toList()));
        return judged;
    }

    @Transactional
    Tender rank(UUID tenderId, String region) {
        Tender t = PhaseTransitions.locked(tenders, tenderId, region);
        if (t.phase() != TenderPhase.EVALUATION) {
            throw DomainProblem.phaseDoesNotAllow(t.phase().name(), "Bids are ranked in EVALUATION; tender "
                    + tenderId + " is in " + t.phase());
        }
        List<Bid> bids = tenders.bids(tenderId).stream().filter(b -> "BID".equals(b.kind())).toList();
        Map<UUID, List<Tenders.Score>> scores = tenders.scores(tenderId).stream()
                .collect(Collectors.groupingBy(Tenders.Score::bidId));
        List<Tender.LotRanking> rankings = new ArrayList<>();
        for (Tender.Lot lot : t.lots()) {
            List<Scored> scored = new ArrayList<>();
            for (Bid bid : bids.stream().filter(b -> b.lotId().equals(lot.lotId())).toList()) {
                BigDecimal total = bid.passedSelection()
                        ? total(t, bid, scores.getOrDefault(bid.id(), List.of()))
                        : BigDecimal.ZERO.setScale(2);
                scored.add(new Scored(bid, total));
            }
            scored.sort(Comparator.comparing((Scored s) -> !s.bid().passedSelection())
                    .thenComparing(Scored::total, Comparator.reverseOrder())
                    .thenComparing(s -> s.bid().submittedAt()));
            List<RankedBid> ranking = new ArrayList<>();
            for (int i = 0; i < scored.size(); i++) {
                Scored s = scored.get(i);
                ranking.add(new RankedBid(s.bid().id(), s.bid().leadAgb(), i + 1, s.total(),
                        s.bid().passedSelection()));
            }
            rankings.add(new Tender.LotRanking(lot.lotId(), ranking));
        }
        Tender ranked = t.withRankings(rankings);
        tenders.update(ranked);
        rankings.forEach(r -> outbox.append(Topics.TENDERS_V1, new BidsRanked(Outbox.newEventId(), clock.instant(),
                tenderId, r.lotId(), r.ranking())));
        return ranked;
    }

    private record Scored(Bid bid, BigDecimal total) {
    }

    /** Every award criterion needs at least one evaluator's score; the mean over evaluators counts. */
    private static BigDecimal total(Tender t, Bid bid, List<Tenders.Score> scores) {
        BigDecimal total = BigDecimal.ZERO;
        for (Tender.AwardCriterion criterion : t.awardCriteria()) {
            List<BigDecimal> given = scores.stream().filter(s -> s.criterion().equals(criterion.code()))
                    .map(Tenders.Score::score).toList();
            if (given.isEmpty()) {
                throw DomainProblem.conflict("incomplete-scores", "Scores are missing",
                        "Bid " + bid.id() + " of " + bid.leadAgb() + " has no score on award criterion "
                                + criterion.code() + "; every bid that passed selection is scored on every criterion")
                        .with("bidId", bid.id().toString()).with("criterion", criterion.code());
            }
            BigDecimal mean = given.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(given.size()), 6, RoundingMode.HALF_EVEN);
            total = total.add(mean.multiply(BigDecimal.valueOf(criterion.weight())).divide(TEN, 6, RoundingMode.HALF_EVEN));
        }
        return total.setScale(2, RoundingMode.HALF_EVEN);
    }
}
