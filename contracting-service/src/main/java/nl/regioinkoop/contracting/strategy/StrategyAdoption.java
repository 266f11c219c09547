package nl.regioinkoop.contracting.strategy;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.contracting.common.Codes;
import nl.regioinkoop.contracting.common.DomainProblem;
import nl.regioinkoop.contracting.common.Violations;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.contracting.StrategyAdopted;
import nl.regioinkoop.kit.outbox.Outbox;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Adopts a segment's strategy and announces it, in one transaction. */
@Singleton
class StrategyAdoption {
    private static final Pattern ROUND = Pattern.compile("[A-Za-z0-9 ._-]{1,40}");
    private final Strategies strategies;
    private final Outbox outbox;
    private final Clock clock;

    StrategyAdoption(Strategies strategies, Outbox outbox, Clock clock) {
        this.strategies = strategies;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Strategy adopt(AdoptStrategy cmd, String region, String actor) {
        if (cmd == null) {
            throw DomainProblem.invalid("A body with the strategy is required");
        }
        Violations v = new Violations();
        v.check(cmd.round() != null && ROUND.matcher(cmd.round()).matches(), "round",
                "must name the procurement round in 1-40 letters, digits, spaces, . _ or - (e.g. 2027)");
        v.check(Codes.isSegment(cmd.segment()), "segment", "must be a segment code of 2-40 letters, digits, - or _");
        Strategy.Level risk = level(cmd.supplyRisk(), "supplyRisk", v);
        Strategy.Level impact = level(cmd.financialImpact(), "financialImpact", v);
        v.check(cmd.fundingModel() != null && Codes.FUNDING_MODELS.contains(cmd.fundingModel()), "fundingModel",
                "must be one of " + Codes.FUNDING_MODELS);
        boolean formOk = v.check(cmd.contractForm() != null && Codes.CONTRACT_FORMS.contains(cmd.contractForm()),
                "contractForm", "must be one of " + Codes.CONTRACT_FORMS);
        if (formOk && !"OPEN_HOUSE".equals(cmd.contractForm())) {
            v.check(cmd.targetProviders() != null && cmd.targetProviders() >= 1 && cmd.targetProviders() <= 500,
                    "targetProviders", "is required for " + cmd.contractForm() + ": 1 to 500 providers per lot");
        }
        v.check(cmd.targetProviders() == null || cmd.targetProviders() >= 1, "targetProviders", "must be 1 or more");
        List<String> goals = cmd.goals() == null ? List.of() : cmd.goals();
        v.check(goals.size() <= 20, "goals", "at most 20 goals");
        for (int i = 0; i < goals.size(); i++) {
            v.check(goals.get(i) != null && !goals.get(i).isBlank() && goals.get(i).length() <= 300,
                    "goals[" + i + "]", "a goal is 1-300 characters");
        }
        v.throwIfAny();
        if (strategies.exists(region, cmd.round(), cmd.segment())) {
            throw DomainProblem.conflict("strategy-already-adopted", "Strategy already adopted",
                    "Region " + region + " already adopted a strategy for segment " + cmd.segment() + " in round "
                            + cmd.round());
        }
        Integer target = "OPEN_HOUSE".equals(cmd.contractForm()) ? null : cmd.targetProviders();
        Strategy s = new Strategy(UUID.randomUUID(), region, cmd.round(), cmd.segment(), risk, impact,
                KraljicQuadrant.of(risk, impact), cmd.fundingModel(), cmd.contractForm(), target,
                goals.stream().map(String::strip).toList(), clock.instant(), actor);
        strategies.insert(s);
        outbox.append(Topics.TENDERS_V1, new StrategyAdopted(Outbox.newEventId(), clock.instant(), s.id(), region,
                s.round(), s.segment(), s.kraljicQuadrant().name(), s.fundingModel(), s.contractForm(),
                s.targetProviders(), s.goals()));
        return s;
    }

    private static Strategy.Level level(String value, String field, Violations v) {
        boolean ok = v.check(value != null && Arrays.stream(Strategy.Level.values()).anyMatch(l -> l.name().equals(value)),
                field, "must be LOW or HIGH");
        return ok ? Strategy.Level.valueOf(value) : null;
    }
}
