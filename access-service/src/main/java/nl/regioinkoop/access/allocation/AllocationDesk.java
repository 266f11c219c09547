package nl.regioinkoop.access.allocation;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.access.Codes;
import nl.regioinkoop.access.budget.BudgetLedger;
import nl.regioinkoop.access.budget.BudgetLine;
import nl.regioinkoop.access.budget.BudgetLines;
import nl.regioinkoop.access.contract.ContractCatalogue;
import nl.regioinkoop.access.contract.Eligibility;
import nl.regioinkoop.access.referral.Referral;
import nl.regioinkoop.access.referral.Referrals;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.access.AllocationChanged;
import nl.regioinkoop.events.access.AllocationEnded;
import nl.regioinkoop.events.access.AllocationIssued;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;
import nl.regioinkoop.kit.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Issues, changes, extends, ends and withdraws allocations. Each is one transaction: the contract check, the
 * budget movement, the allocation and its events commit together, or a refusal leaves everything as it was.
 */
@Singleton
class AllocationDesk {
    private final Allocations allocations;
    private final Referrals referrals;
    private final ContractCatalogue catalogue;
    private final BudgetLines budgetLines;
    private final BudgetLedger ledger;
    private final Outbox outbox;
    private final Clock clock;
    private final AllocationNumbers numbers;

    AllocationDesk(Allocations allocations, Referrals referrals, ContractCatalogue catalogue, BudgetLines budgetLines,
                   BudgetLedger ledger, Outbox outbox, Clock clock, AllocationNumbers numbers) {
        this.allocations = allocations;
        this.referrals = referrals;
        this.catalogue = catalogue;
        this.budgetLines = budgetLines;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
        this.numbers = numbers;
    }

    @Transactional
    List<Eligibility> eligibleProviders(UUID referralId, String productCode, LocalDate from, LocalDate to,
                                        Caller caller) {
        Referral referral = specialistReferral(referralId, caller);
        return catalogue.eligibleProviders(need(referral, productCode, from, to));
    }

    @Transactional
    Allocation issue(IssueAllocation command, Caller caller) {
        Referral referral = specialistReferral(command.referralId(), caller);
        boolean answersRequest = referral.isRequest() && referral.answeredOn() == null
                && command.providerAgb().equals(referral.requestingProviderAgb());
        if (answersRequest) {
            // lock only a request being answered: two answers to one request must not both win
            referral = referrals.findByIdForUpdate(referral.id()).orElseThrow();
            answersRequest = referral.answeredOn() == null;
        }
        requireCodesAndPeriod(command);
        String overrideReason = overrideReason(command.overrideReason(), caller);
        Plan plan = plan(referral, command);
        Eligibility contract = plan.contract();
        long expected = plan.expectedCents();
        Optional<BudgetLine> line = plan.line();
        String eligible = plan.eligible().stream().map(Eligibility::providerAgb)
                .collect(Collectors.joining(","));
        UUID id = numbers.newAllocationId();
        boolean commits = line.isPresent() && expected > 0;
        boolean overridden = false;
        if (commits && overrideReason != null) {
            // whether the override was needed goes into the allocation and its event: commit before writing them
            overridden = ledger.commit(line.get().id(), id, expected, overrideReason).overridden();
        }
        Instant now = clock.instant();
        Allocation allocation = allocations.save(new Allocation(id, referral.id(), referral.clientId(),
                referral.municipalityCode(), referral.clientPseudonym(), command.providerAgb(), contract.contractId(),
                contract.productCategory(), contract.productCode(), contract.segment(), referral.profile(),
                referral.intensity(), referral.referrerType(), contract.fundingModel(), command.volume(),
                command.unit(), command.frequency(), command.validFrom(), command.validTo(), contract.tariffCents(),
                expected, line.isPresent() ? expected : 0, 0, line.map(BudgetLine::id).orElse(null),
                line.map(BudgetLine::line).orElse(null), command.chosenByFamily(), eligible,
                overridden ? overrideReason : null, Allocation.ACTIVE, null, null, now, now));
        outbox.append(Topics.ALLOCATIONS_V1, new AllocationIssued(Outbox.newEventId(), now, id, referral.id(),
                allocation.municipalityCode(), allocation.clientPseudonym(), allocation.providerAgb(),
                allocation.contractId(), allocation.productCategory(), allocation.productCode(), allocation.segment(),
                allocation.profile(), allocation.intensity(), allocation.referrerType(), allocation.fundingModel(),
                allocation.volume(), allocation.unit(), allocation.frequency(), allocation.validFrom(),
                allocation.validTo(), allocation.tariffCents(), allocation.committedCents(), allocation.budgetLine(),
                allocation.overrideReason()));
        if (answersRequest) {
            referrals.update(referral.answered("ALLOCATED", LocalDate.now(clock), null, null));
        }
        if (commits && overrideReason == null) {
            // Without an override the allocation does not depend on the commitment (it fits, or everything rolls
            // back), so the budget line is locked as late as possible: from here to the commit. Concurrent
            // allocations on one line queue on that lock (deploy/bench P2).
            ledger.commit(line.get().id(), id, expected, null);
        }
        return allocation;
    }

    /**
     * What issuing would commit, from the same checks and sums as {@link #issue}, writing nothing: the allocation
     * form shows it before it is sent. A refusal is thrown as issuing would throw it, except budget-exceeded: the
     * plan names the line and what would remain (below zero when it does not fit).
     */
    @Transactional
    Plan preview(IssueAllocation command, Caller caller) {
        Referral referral = specialistReferral(command.referralId(), caller);
        requireCodesAndPeriod(command);
        return plan(referral, command);
    }

    /**
     * An allocation as it would be issued: the contract it falls under, its expected cost, the budget line it
     * commits on (absent for a contract without a per-client price) and every eligible provider at that moment.
     */
    record Plan(Referral referral, Eligibility contract, long expectedCents, Optional<BudgetLine> line,
                List<Eligibility> eligible) {
        /** What remains on the line after this allocation; below zero when it does not fit. */
        public long remainingAfterCents() {
            return line.map(l -> l.remainingCents() - expectedCents).orElse(0L);
        }
    }

    private static void requireCodesAndPeriod(IssueAllocation command) {
        Codes.require(Codes.UNIT, "WJ756 unit", "unit", command.unit());
        Codes.require(Codes.FREQUENCY, "WMO757 frequency", "frequency", command.frequency());
        requirePeriod(command.validFrom(), command.validTo());
    }

    private Plan plan(Referral referral, IssueAllocation command) {
        ContractCatalogue.Need need = need(referral, command.productCode(), command.validFrom(), command.validTo());
        ContractCatalogue.Assessment assessment = catalogue.assess(command.providerAgb(), need);
        ContractCatalogue.Verdict verdict = assessment.verdict();
        if (verdict.eligibility() == null) {
            throw ProblemException.unprocessable("no-valid-contract", "No valid contract", verdict.refusal());
        }
        Eligibility contract = verdict.eligibility();
        if ("PXQ".equals(contract.fundingModel()) && contract.unit() != null && !contract.unit().equals(command.unit())) {
            throw ProblemException.unprocessable("does-not-fit-contract", "Does not fit the contract",
                    "contract " + contract.contractId() + " prices product " + contract.productCode() + " per unit "
                            + contract.unit() + " (" + Codes.UNIT.get(contract.unit()) + "), not " + command.unit())
                    .with("unit", contract.unit());
        }
        long expected = ExpectedCost.of(contract.fundingModel(), contract.tariffCents(), command.volume(),
                command.frequency(), command.validFrom(), command.validTo());
        int year = command.validFrom().getYear();
        Optional<BudgetLine> line = budgetLines.findPreferredLine(referral.municipalityCode(), year,
                contract.segment() == null ? "" : contract.segment(),
                contract.productCategory() == null ? "" : contract.productCategory());
        if (line.isEmpty() && expected > 0) {
            throw ProblemException.unprocessable("no-budget-line", "No budget line",
                    "municipality " + referral.municipalityCode() + " has no budget line for segment "
                            + contract.segment() + " or product category " + contract.productCategory() + " in " + year);
        }
        return new Plan(referral, contract, expected, line, assessment.eligible());
    }

    /** A change of volume or period, including an extension; commits the growth or releases the shrinkage. */
    @Transactional
    Allocation change(UUID id, ChangeAllocation command, Caller caller) {
        Allocation current = active(id, caller);
        long volume = command.volume() == null ? current.volume() : command.volume();
        LocalDate from = command.validFrom() == null ? current.validFrom() : command.validFrom();
        LocalDate to = command.validTo() == null ? current.validTo() : command.validTo();
        requirePeriod(from, to);
        if (from.getYear() != current.validFrom().getYear()) {
            throw ProblemException.invalid("An allocation stays in the budget year it started in ("
                    + current.validFrom().getYear() + "); issue a new allocation instead",
                    new Problem.Violation("validFrom", "other budget year"));
        }
        String overrideReason = overrideReason(command.overrideReason(), caller);
        if (to.isAfter(current.validTo()) || from.isBefore(current.validFrom())) {
            Referral referral = referrals.findById(current.referralId()).orElseThrow();
            ContractCatalogue.Verdict verdict = catalogue.check(current.providerAgb(),
                    need(referral, current.productCode(), from, to));
            if (verdict.eligibility() == null) {
                throw ProblemException.unprocessable("no-valid-contract", "No valid contract", verdict.refusal());
            }
        }
        long expected = ExpectedCost.of(current.fundingModel(), current.tariffCents(), volume, current.frequency(),
                from, to);
        long committed = moveBudget(current, expected, overrideReason);
        Instant now = clock.instant();
        Allocation changed = allocations.update(current.withPlan(volume, from, to, expected, committed, now));
        allocations.recordChange(id, changeReason(current, volume, to), now);
        outbox.append(Topics.ALLOCATIONS_V1, new AllocationChanged(Outbox.newEventId(), now, id,
                changed.municipalityCode(), changed.providerAgb(), volume, changed.unit(), changed.frequency(), from, to,
                changed.expectedCostCents(), command.reason()));
        return changed;
    }

    /** Ends care on a date (JZ588 reason) or withdraws the allocation; releases what it will not use. */
    @Transactional
    Allocation end(UUID id, EndAllocation command, boolean withdraw, Caller caller) {
        Allocation current = active(id, caller);
        String reasonCode = command.reasonCode() == null && withdraw ? "36" : command.reasonCode();
        Codes.require(Codes.END_REASON, "JZ588 end reason", "reasonCode", reasonCode);
        LocalDate endDate;
        long expected;
        if (withdraw) {
            endDate = LocalDate.now(clock);
            expected = current.realisedCents();
        } else {
            if (command.endDate() == null) {
                throw ProblemException.invalid("endDate is required", new Problem.Violation("endDate", "required"));
            }
            endDate = command.endDate();
            if (endDate.isBefore(current.validFrom()) || endDate.isAfter(current.validTo())) {
                throw ProblemException.invalid("endDate must lie within the allocation's period " + current.validFrom()
                        + " to " + current.validTo(), new Problem.Violation("endDate", "outside the period"));
            }
            expected = ExpectedCost.of(current.fundingModel(), current.tariffCents(), current.volume(),
                    current.frequency(), current.validFrom(), endDate);
        }
        long before = current.committedCents();
        long committed = moveBudget(current, Math.min(expected, current.expectedCostCents()), null);
        Instant now = clock.instant();
        Allocation ended = allocations.update(current.ended(withdraw ? Allocation.WITHDRAWN : Allocation.ENDED,
                reasonCode, endDate, Math.max(expected, current.realisedCents()), committed, now));
        allocations.recordChange(id, withdraw ? "13" : endReason(reasonCode), now);
        outbox.append(Topics.ALLOCATIONS_V1, new AllocationEnded(Outbox.newEventId(), now, id,
                ended.municipalityCode(), ended.providerAgb(), endDate, reasonCode, withdraw, before - committed));
        return ended;
    }

    /** RedenWijziging (iStandaarden) of a change: reassessed longer or more (04), shorter or less (05), else 14. */
    private static String changeReason(Allocation current, long volume, LocalDate to) {
        if (to.isAfter(current.validTo()) || volume > current.volume()) {
            return "04";
        }
        if (to.isBefore(current.validTo()) || volume < current.volume()) {
            return "05";
        }
        return "14";
    }

    /** RedenWijziging of an early end, from its JZ588 reason: death 02, other provider 09, other domain 06, else 05. */
    private static String endReason(String jz588) {
        return switch (jz588) {
            case "02" -> "02";
            case "38" -> "09";
            case "39" -> "06";
            default -> "05";
        };
    }

    /** Brings the budget line to the new expected cost: what is not yet realised stays committed. */
    private long moveBudget(Allocation current, long expected, String overrideReason) {
        if (current.budgetLineId() == null) {
            return 0;
        }
        long committed = Math.max(expected - current.realisedCents(), 0);
        long delta = committed - current.committedCents();
        if (delta > 0) {
            ledger.commit(current.budgetLineId(), current.id(), delta, overrideReason);
        } else if (delta < 0) {
            ledger.release(current.budgetLineId(), current.id(), -delta);
        }
        return committed;
    }

    private Allocation active(UUID id, Caller caller) {
        Allocation allocation = allocations.findByIdForUpdate(id)
                .orElseThrow(() -> ProblemException.notFound("Allocation " + id));
        caller.requireMunicipality(allocation.municipalityCode());
        if (!Allocation.ACTIVE.equals(allocation.status())) {
            throw ProblemException.conflict("allocation-not-active", "Allocation not active",
                    "Allocation " + id + " is " + allocation.status().toLowerCase() + " since " + allocation.endedOn());
        }
        return allocation;
    }

    private Referral specialistReferral(UUID referralId, Caller caller) {
        Referral referral = referrals.findById(referralId).orElseThrow(() -> ProblemException.invalid(
                "Referral " + referralId + " does not exist", new Problem.Violation("referralId", "unknown referral")));
        caller.requireMunicipality(referral.municipalityCode());
        if (!Referral.SPECIALIST_CARE.equals(referral.outcome())) {
            throw ProblemException.unprocessable("not-triaged-for-specialist-care", "Not triaged for specialist care",
                    "Referral " + referralId + " has triage outcome " + referral.outcome()
                            + "; only a referral triaged SPECIALIST_CARE gets an allocation");
        }
        return referral;
    }

    private static ContractCatalogue.Need need(Referral referral, String productCode, LocalDate from, LocalDate to) {
        return new ContractCatalogue.Need(productCode, referral.municipalityCode(), referral.segment(),
                referral.profile(), referral.intensity(), from, to);
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("validTo " + to + " lies before validFrom " + from,
                    new Problem.Violation("validTo", "before validFrom"));
        }
    }

    private static String overrideReason(String requested, Caller caller) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        if (!caller.has(Roles.BUDGET_OVERRIDE)) {
            throw ProblemException.forbidden();
        }
        return requested.strip();
    }
}
