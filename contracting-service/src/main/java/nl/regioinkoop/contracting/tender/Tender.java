package nl.regioinkoop.contracting.tender;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.contracting.contract.TermsInput;
import nl.regioinkoop.events.contracting.ContractProduct;
import nl.regioinkoop.events.contracting.RankedBid;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A tender as stored: what the strategy fixed (form, funding, target providers), its lots with their products and
 * tariffs, the criteria, the draft terms every contract gets, the planned dates, the phases passed, and the
 * rankings and awards per lot. A tender whose submission deadline had already passed when it was entered is a
 * {@code recorded} procedure (one that ran before it was entered here): its steps carry their historical dates.
 */
@Serdeable
public record Tender(UUID id, String region, UUID strategyId, String round, String segment, String title,
                     String description, String contractForm, String fundingModel, Integer targetProviders,
                     List<Lot> lots, List<SelectionCriterion> selectionCriteria, List<AwardCriterion> awardCriteria,
                     TermsInput terms, LocalDate submissionDeadline, Map<String, LocalDate> plannedDates,
                     boolean dialogue, int standstillDays, boolean recorded, TenderPhase phase,
                     List<PhaseEntry> phases, List<LotRanking> rankings, List<LotAward> awards,
                     List<UUID> contractIds, Instant createdAt) {

    public Tender {
        lots = lots == null ? List.of() : List.copyOf(lots);
        selectionCriteria = selectionCriteria == null ? List.of() : List.copyOf(selectionCriteria);
        awardCriteria = awardCriteria == null ? List.of() : List.copyOf(awardCriteria);
        plannedDates = plannedDates == null ? Map.of() : Map.copyOf(plannedDates);
        phases = phases == null ? List.of() : List.copyOf(phases);
        rankings = rankings == null ? List.of() : List.copyOf(rankings);
        awards = awards == null ? List.of() : List.copyOf(awards);
        contractIds = contractIds == null ? List.of() : List.copyOf(contractIds);
    }

    /**
     * A lot; its contract form and number of providers come from the strategy the region adopted for the lot's
     * segment in the tender's round (else from the tender's own strategy).
     */
    @Serdeable
    public record Lot(UUID lotId, String name, String segment, String area, List<ContractProduct> products,
                      UUID strategyId, String contractForm, Integer targetProviders) {
        public boolean isOpenHouse() {
            return "OPEN_HOUSE".equals(contractForm);
        }
    }

    @Serdeable
    public record SelectionCriterion(String code, String description) {
    }

    @Serdeable
    public record AwardCriterion(String code, String description, int weight) {
    }

    @Serdeable
    public record PhaseEntry(TenderPhase phase, LocalDate enteredOn) {
    }

    @Serdeable
    public record LotRanking(UUID lotId, List<RankedBid> ranking) {
    }

    @Serdeable
    public record LotAward(UUID lotId, List<UUID> bidIds, boolean definitive, LocalDate awardedOn) {
    }

    public boolean isOpenHouse() {
        return "OPEN_HOUSE".equals(contractForm);
    }

    public Optional<Lot> lot(UUID lotId) {
        return lots.stream().filter(l -> l.lotId().equals(lotId)).findFirst();
    }

    public Optional<LocalDate> enteredOn(TenderPhase p) {
        return phases.stream().filter(e -> e.phase() == p).map(PhaseEntry::enteredOn).reduce((a, b) -> b);
    }

    public Optional<LotRanking> ranking(UUID lotId) {
        return rankings.stream().filter(r -> r.lotId().equals(lotId)).findFirst();
    }

    public List<LotAward> awards(boolean definitive) {
        return awards.stream().filter(a -> a.definitive() == definitive).toList();
    }

    public Tender inPhase(TenderPhase next, LocalDate on) {
        List<PhaseEntry> passed = new ArrayList<>(phases);
        passed.add(new PhaseEntry(next, on));
        return new Tender(id, region, strategyId, round, segment, title, description, contractForm, fundingModel,
                targetProviders, lots, selectionCriteria, awardCriteria, terms, submissionDeadline, plannedDates,
                dialogue, standstillDays, recorded, next, passed, rankings, awards, contractIds, createdAt);
    }

    Tender withRankings(List<LotRanking> newRankings) {
        return new Tender(id, region, strategyId, round, segment, title, description, contractForm, fundingModel,
                targetProviders, lots, selectionCriteria, awardCriteria, terms, submissionDeadline, plannedDates,
                dialogue, standstillDays, recorded, phase, phases, newRankings, awards, contractIds, createdAt);
    }

    public Tender withContracts(List<UUID> signed) {
        List<UUID> all = new ArrayList<>(contractIds);
        all.addAll(signed);
        return new Tender(id, region, strategyId, round, segment, title, description, contractForm, fundingModel,
                targetProviders, lots, selectionCriteria, awardCriteria, terms, submissionDeadline, plannedDates,
                dialogue, standstillDays, recorded, phase, phases, rankings, awards, all, createdAt);
    }

    /** The date of the latest step after preparation: a step cannot be dated before it. */
    public Optional<LocalDate> lastStepOn() {
        return phases.stream().filter(e -> e.phase() != TenderPhase.PREPARATION).map(PhaseEntry::enteredOn)
                .reduce((a, b) -> b);
    }

    public Tender withAward(LotAward award) {
        List<LotAward> all = new ArrayList<>(awards);
        all.add(award);
        return new Tender(id, region, strategyId, round, segment, title, description, contractForm, fundingModel,
                targetProviders, lots, selectionCriteria, awardCriteria, terms, submissionDeadline, plannedDates,
                dialogue, standstillDays, recorded, phase, phases, rankings, all, contractIds, createdAt);
    }
}
