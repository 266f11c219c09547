package nl.regioinkoop.contracting.tender;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.contracting.common.Codes;
import nl.regioinkoop.contracting.common.DomainProblem;
import nl.regioinkoop.contracting.common.Violations;
import nl.regioinkoop.contracting.contract.ProductRules;
import nl.regioinkoop.contracting.strategy.Strategies;
import nl.regioinkoop.contracting.strategy.Strategy;
import nl.regioinkoop.contracting.tender.TenderRequests.CreateTender;
import nl.regioinkoop.contracting.tender.TenderRequests.LotInput;
import nl.regioinkoop.events.contracting.ContractProduct;
import nl.regioinkoop.kit.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Prepares a tender under an adopted strategy; it starts in PREPARATION and announces nothing until published.
 * A submission deadline already past makes it a recorded procedure, whose steps carry their historical dates.
 */
@Singleton
class TenderSetup {
    private static final Pattern CRITERION = Pattern.compile("[A-Z0-9_-]{1,40}");
    private final Tenders tenders;
    private final Strategies strategies;
    private final Clock clock;
    private final int defaultStandstillDays;

    TenderSetup(Tenders tenders, Strategies strategies, Clock clock,
                @Value("${contracting.tender.standstill-days:20}") int defaultStandstillDays) {
        this.tenders = tenders;
        this.strategies = strategies;
        this.clock = clock;
        this.defaultStandstillDays = defaultStandstillDays;
    }

    @Transactional
    Tender create(CreateTender cmd, String region) {
        if (cmd == null) {
            throw DomainProblem.invalid("A body with the tender is required");
        }
        Violations v = new Violations();
        v.check(cmd.strategyId() != null, "strategyId", "is required: a tender carries out an adopted strategy");
        v.check(cmd.title() != null && !cmd.title().isBlank() && cmd.title().length() <= 200, "title",
                "is required, max 200 characters");
        v.check(cmd.description() == null || cmd.description().length() <= 4000, "description", "max 4000 characters");
        ProductRules.terms(cmd.terms(), "terms", v);
        LocalDate today = LocalDate.now(clock);
        v.check(cmd.submissionDeadline() != null, "submissionDeadline", "is required");
        v.check(cmd.standstillDays() == null || (cmd.standstillDays() >= 0 && cmd.standstillDays() <= 60),
                "standstillDays", "must be 0 to 60 calendar days");
        if (cmd.plannedDates() != null) {
            cmd.plannedDates().forEach((phase, date) -> v.check(isPhase(phase) && date != null,
                    "plannedDates." + phase, "keys must be phase names " + List.of(TenderPhase.values())
                            + " with a date"));
        }
        if (cmd.terms() != null && cmd.submissionDeadline() != null && cmd.terms().validFrom() != null) {
            v.check(cmd.terms().validFrom().isAfter(cmd.submissionDeadline()), "terms.validFrom",
                    "contracts start after the submission deadline " + cmd.submissionDeadline());
        }
        checkCriteria(cmd, v);
        v.throwIfAny();
        Strategy strategy = strategies.find(cmd.strategyId())
                .orElseThrow(() -> ProblemException.notFound("Strategy " + cmd.strategyId()));
        if (!strategy.region().equals(region)) {
            throw ProblemException.forbidden();
        }
        List<Tender.Lot> lots = lots(cmd, strategy, region, v);
        v.throwIfAny();
        if (lots.stream().anyMatch(l -> !l.isOpenHouse())
                && (cmd.awardCriteria() == null || cmd.awardCriteria().isEmpty())) {
            throw DomainProblem.unprocessable("award-criteria-required", "Award criteria are required",
                    "A " + strategy.contractForm() + " tender awards the best " + strategy.targetProviders()
                            + " bids per lot and needs award criteria with weights that sum to 100");
        }
        int weights = cmd.awardCriteria() == null ? 0
                : cmd.awardCriteria().stream().mapToInt(Tender.AwardCriterion::weight).sum();
        if (cmd.awardCriteria() != null && !cmd.awardCriteria().isEmpty() && weights != 100) {
            throw DomainProblem.unprocessable("weights-do-not-sum-to-100", "Award criteria weights do not sum to 100",
                    "The award criteria's weights sum to " + weights + "; they must sum to exactly 100")
                    .with("sumOfWeights", weights);
        }
        Tender tender = new Tender(UUID.randomUUID(), region, strategy.id(), strategy.round(), strategy.segment(),
                cmd.title().strip(), cmd.description(), strategy.contractForm(), strategy.fundingModel(),
                strategy.targetProviders(), lots, cmd.selectionCriteria(), cmd.awardCriteria(), cmd.terms(),
                cmd.submissionDeadline(), cmd.plannedDates(), Boolean.TRUE.equals(cmd.dialogue()),
                cmd.standstillDays() == null ? defaultStandstillDays : cmd.standstillDays(),
                cmd.submissionDeadline().isBefore(today), TenderPhase.PREPARATION,
                List.of(new Tender.PhaseEntry(TenderPhase.PREPARATION, today)), List.of(), List.of(), List.of(),
                clock.instant());
        tenders.insert(tender);
        return tender;
    }

    private static boolean isPhase(String name) {
        for (TenderPhase p : TenderPhase.values()) {
            if (p.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void checkCriteria(CreateTender cmd, Violations v) {
        Set<String> codes = new HashSet<>();
        List<Tender.SelectionCriterion> selection = cmd.selectionCriteria() == null ? List.of() : cmd.selectionCriteria();
        for (int i = 0; i < selection.size(); i++) {
            Tender.SelectionCriterion c = selection.get(i);
            String at = "selectionCriteria[" + i + "]";
            v.check(c != null && c.code() != null && CRITERION.matcher(c.code()).matches() && codes.add(c.code()),
                    at + ".code", "a unique code of 1-40 capitals, digits, _ or - (e.g. QUALITY_REGISTER)");
            v.check(c != null && c.description() != null && !c.description().isBlank()
                    && c.description().length() <= 500, at + ".description", "is required, max 500 characters");
        }
        List<Tender.AwardCriterion> award = cmd.awardCriteria() == null ? List.of() : cmd.awardCriteria();
        for (int i = 0; i < award.size(); i++) {
            Tender.AwardCriterion c = award.get(i);
            String at = "awardCriteria[" + i + "]";
            v.check(c != null && c.code() != null && CRITERION.matcher(c.code()).matches() && codes.add(c.code()),
                    at + ".code", "a unique code of 1-40 capitals, digits, _ or - (e.g. QUALITY)");
            v.check(c != null && c.description() != null && !c.description().isBlank()
                    && c.description().length() <= 500, at + ".description", "is required, max 500 characters");
            v.check(c != null && c.weight() >= 1 && c.weight() <= 100, at + ".weight", "must be 1 to 100");
        }
    }

    private List<Tender.Lot> lots(CreateTender cmd, Strategy strategy, String region, Violations v) {
        List<Tender.Lot> lots = new ArrayList<>();
        if (cmd.lots() == null || cmd.lots().isEmpty()) {
            v.add("lots", "a tender has at least one lot (per segment or per area)");
            return lots;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < cmd.lots().size(); i++) {
            LotInput lot = cmd.lots().get(i);
            String at = "lots[" + i + "]";
            if (lot == null) {
                v.add(at, "must not be null");
                continue;
            }
            v.check(lot.name() != null && !lot.name().isBlank() && lot.name().length() <= 200
                    && names.add(lot.name().strip()), at + ".name", "a unique name of 1-200 characters");
            String segment = lot.segment() == null ? strategy.segment() : lot.segment();
            v.check(Codes.isSegment(segment), at + ".segment", "must be a segment code of 2-40 letters, digits, - or _");
            v.check(lot.area() == null || (!lot.area().isBlank() && lot.area().length() <= 60), at + ".area",
                    "max 60 characters");
            List<ContractProduct> products = ProductRules.products(lot.products(),
                    cmd.terms() == null ? null : cmd.terms().validFrom(), segment, at + ".products", v);
            // the strategy of the lot's own segment in this round decides its form and number of providers
            Strategy own = segment == null || segment.equals(strategy.segment()) ? strategy
                    : strategies.find(region, strategy.round(), segment).orElse(strategy);
            lots.add(new Tender.Lot(UUID.randomUUID(), lot.name() == null ? null : lot.name().strip(), segment,
                    lot.area(), products, own.id(), own.contractForm(), own.targetProviders()));
        }
        return lots;
    }
}
