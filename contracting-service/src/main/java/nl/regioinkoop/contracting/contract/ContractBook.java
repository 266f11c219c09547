package nl.regioinkoop.contracting.contract;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.contracting.common.Codes;
import nl.regioinkoop.contracting.common.DomainProblem;
import nl.regioinkoop.contracting.common.Parties;
import nl.regioinkoop.contracting.common.Violations;
import nl.regioinkoop.contracting.contract.ContractRequests.AmendTariffs;
import nl.regioinkoop.contracting.contract.ContractRequests.ApplyIndexation;
import nl.regioinkoop.contracting.contract.ContractRequests.Resume;
import nl.regioinkoop.contracting.contract.ContractRequests.SignContract;
import nl.regioinkoop.contracting.contract.ContractRequests.Suspend;
import nl.regioinkoop.contracting.contract.ContractRequests.TariffChange;
import nl.regioinkoop.contracting.contract.ContractRequests.Terminate;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.contracting.ConsortiumMember;
import nl.regioinkoop.events.contracting.ContractAmended;
import nl.regioinkoop.events.contracting.ContractEnded;
import nl.regioinkoop.events.contracting.ContractExtended;
import nl.regioinkoop.events.contracting.ContractProduct;
import nl.regioinkoop.events.contracting.ContractResumed;
import nl.regioinkoop.events.contracting.ContractSigned;
import nl.regioinkoop.events.contracting.ContractSuspended;
import nl.regioinkoop.events.contracting.Tariff;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.problem.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every change of a contract: sign, extend, amend tariffs, index, suspend, resume, terminate. Each runs in one
 * transaction that locks the contract, writes a history row and appends the event with the full terms.
 */
@Singleton
public class ContractBook {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Contracts contracts;
    private final Outbox outbox;
    private final Parties parties;
    private final Clock clock;

    ContractBook(Contracts contracts, Outbox outbox, Parties parties, Clock clock) {
        this.contracts = contracts;
        this.outbox = outbox;
        this.parties = parties;
        this.clock = clock;
    }

    /** Signs checked terms; called inside the award's or admission's transaction too. */
    @Transactional
    public Contract sign(ContractDraft draft, String actor) {
        Instant now = clock.instant();
        Contract contract = Contract.signed(UUID.randomUUID(), draft);
        contracts.insert(contract, actor, now);
        outbox.append(Topics.CONTRACTS_V1, new ContractSigned(Outbox.newEventId(), now, contract.id(),
                contract.terms()));
        return contract;
    }

    @Transactional
    Contract signLocal(SignContract cmd, String region, String actor) {
        if (cmd == null) {
            throw DomainProblem.invalid("A body with the contract's terms is required");
        }
        Violations v = new Violations();
        ProductRules.terms(cmd.terms(), "", v);
        v.check(cmd.municipalities() == null || cmd.municipalities().size() <= 1, "municipalities",
                "a local contract (without a tender) belongs to exactly one municipality; regional contracts "
                        + "come from a tender's definitive award");
        String form = cmd.contractForm() == null ? "SELECTIVE" : cmd.contractForm();
        v.check(Codes.CONTRACT_FORMS.contains(form), "contractForm", "must be one of " + Codes.CONTRACT_FORMS);
        v.check(Codes.isSegment(cmd.segment()), "segment", "must be a segment code of 2-40 letters, digits, - or _");
        List<ContractProduct> products = ProductRules.products(cmd.products(), cmd.validFrom(), cmd.segment(),
                "products", v);
        v.throwIfAny();
        List<ConsortiumMember> members = parties.of(cmd.providerAgb(), cmd.leadShareBasisPoints(), cmd.members(), "");
        return sign(ContractDraft.of(region, null, null, members, form, cmd.segment(), products, cmd.terms(),
                cmd.validFrom()), actor);
    }

    @Transactional
    Contract extend(UUID id, String region, String actor) {
        Contract c = locked(id, region);
        requireNotEnded(c, "extended");
        LocalDate today = LocalDate.now(clock);
        if (today.isAfter(c.validTo())) {
            throw DomainProblem.contractNotActive("Contract " + id + " ran out on " + c.validTo()
                    + "; an option must be used before the term ends");
        }
        if (c.remainingExtensionOptions().isEmpty()) {
            throw DomainProblem.unprocessable("no-extension-option-left", "No extension option left",
                    "Contract " + id + " has used all " + c.extensionOptions().size() + " extension options "
                            + c.extensionOptions() + "; it ends on " + c.validTo());
        }
        Contract extended = c.extended();
        contracts.update(extended, "EXTENDED", "option " + extended.extensionsUsed() + " of "
                + c.extensionOptions().size(), actor, clock.instant());
        outbox.append(Topics.CONTRACTS_V1, new ContractExtended(Outbox.newEventId(), clock.instant(), id,
                extended.validTo(), extended.terms()));
        return extended;
    }

    @Transactional
    Contract amendTariffs(UUID id, AmendTariffs cmd, String region, String actor) {
        Violations v = new Violations();
        v.check(cmd != null && cmd.effectiveFrom() != null, "effectiveFrom", "is required");
        v.check(cmd != null && cmd.tariffs() != null && !cmd.tariffs().isEmpty(), "tariffs",
                "must name at least one new tariff");
        v.check(cmd == null || cmd.reason() == null || cmd.reason().length() <= 500, "reason", "max 500 characters");
        v.throwIfAny();
        Contract c = locked(id, region);
        requireNotEnded(c, "amended");
        requireWithinTerm(c, cmd.effectiveFrom(), "effectiveFrom");
        List<ContractProduct> products = new ArrayList<>(c.products());
        for (int i = 0; i < cmd.tariffs().size(); i++) {
            TariffChange change = cmd.tariffs().get(i);
            String at = "tariffs[" + i + "]";
            int index = productIndex(products, change);
            if (index < 0) {
                throw DomainProblem.invalid("Contract " + id + " has no product " + (change == null ? null
                        : change.productCategory() + "/" + change.productCode()),
                        new nl.regioinkoop.kit.problem.Problem.Violation(at + ".productCode", "not in this contract"));
            }
            ContractProduct product = products.get(index);
            Violations shape = new Violations();
            List<Tariff> checked = ProductRules.tariffs(product.fundingModel(), List.of(new TariffInput(
                    change.profile(), change.intensity(), change.area(), change.amountCents(),
                    change.resultShareBasisPoints(), cmd.effectiveFrom(), null)), cmd.effectiveFrom(), at, shape);
            shape.throwIfAny();
            Tariff t = checked.get(0);
            products.set(index, withTariffs(product, replaceFrom(product.tariffs(), t.profile(), t.intensity(),
                    t.area(), t.amountCents(), t.resultShareBasisPoints(), cmd.effectiveFrom())));
        }
        String reason = cmd.reason() == null || cmd.reason().isBlank() ? "tariffs amended" : cmd.reason().strip();
        return amended(c.withProducts(products), cmd.effectiveFrom(), reason, "TARIFFS_AMENDED", actor);
    }

    @Transactional
    Contract index(UUID id, ApplyIndexation cmd, String region, String actor) {
        checkIndexation(cmd);
        BigDecimal p = cmd.percentage();
        Contract c = locked(id, region);
        requireNotEnded(c, "indexed");
        requireWithinTerm(c, cmd.effectiveFrom(), "effectiveFrom");
        BigDecimal factor = BigDecimal.ONE.add(p.divide(HUNDRED));
        List<ContractProduct> products = new ArrayList<>();
        for (ContractProduct product : c.products()) {
            List<Tariff> tariffs = product.tariffs();
            for (Tariff t : product.tariffs()) {
                if (covers(t, cmd.effectiveFrom())) {
                    long indexed = BigDecimal.valueOf(t.amountCents()).multiply(factor)
                            .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
                    tariffs = replaceFrom(tariffs, t.profile(), t.intensity(), t.area(), indexed,
                            t.resultShareBasisPoints(), cmd.effectiveFrom());
                }
            }
            products.add(withTariffs(product, tariffs));
        }
        return amended(c.withProducts(products), cmd.effectiveFrom(),
                "indexation " + p.toPlainString() + " % from " + cmd.effectiveFrom(), "INDEXED", actor);
    }

    /**
     * Indexes every running contract of the region (or of one tender) whose term covers the date, in one
     * transaction: all of them or none.
     */
    @Transactional
    ContractRequests.IndexationResult indexAll(ContractRequests.IndexAll cmd, String region, String actor) {
        if (cmd == null) {
            throw DomainProblem.invalid("A body with percentage and effectiveFrom is required");
        }
        ApplyIndexation each = new ApplyIndexation(cmd.percentage(), cmd.effectiveFrom());
        checkIndexation(each);
        List<UUID> indexed = new ArrayList<>();
        List<UUID> skipped = new ArrayList<>();
        for (UUID id : contracts.running(region, cmd.tenderId())) {
            Contract c = contracts.lock(id).orElseThrow();
            if (cmd.effectiveFrom().isBefore(c.validFrom()) || cmd.effectiveFrom().isAfter(c.validTo())) {
                skipped.add(id);
                continue;
            }
            index(id, each, region, actor);
            indexed.add(id);
        }
        return new ContractRequests.IndexationResult(indexed, skipped);
    }

    private static void checkIndexation(ApplyIndexation cmd) {
        Violations v = new Violations();
        v.check(cmd != null && cmd.effectiveFrom() != null, "effectiveFrom", "is required");
        BigDecimal p = cmd == null ? null : cmd.percentage();
        v.check(p != null && p.compareTo(BigDecimal.valueOf(-20)) > 0 && p.compareTo(BigDecimal.valueOf(25)) <= 0
                && p.scale() <= 4 && p.signum() != 0, "percentage",
                "must be a non-zero percentage above -20 and at most 25, with at most 4 decimals (e.g. 2.75)");
        v.throwIfAny();
    }

    private Contract amended(Contract changed, LocalDate effectiveFrom, String reason, String action, String actor) {
        contracts.update(changed, action, reason, actor, clock.instant());
        outbox.append(Topics.CONTRACTS_V1, new ContractAmended(Outbox.newEventId(), clock.instant(), changed.id(),
                effectiveFrom, reason, changed.terms()));
        return changed;
    }

    @Transactional
    Contract suspend(UUID id, Suspend cmd, String region, String actor) {
        Violations v = new Violations();
        v.check(cmd != null && cmd.from() != null, "from", "is required");
        v.check(cmd != null && cmd.reason() != null && !cmd.reason().isBlank() && cmd.reason().length() <= 500,
                "reason", "is required (max 500 characters): a suspension must say why");
        v.throwIfAny();
        Contract c = locked(id, region);
        if (c.status() != ContractStatus.ACTIVE) {
            throw DomainProblem.contractNotActive("Contract " + id + " is " + c.status() + "; only an ACTIVE "
                    + "contract can be suspended");
        }
        requireWithinTerm(c, cmd.from(), "from");
        Contract suspended = c.withStatus(ContractStatus.SUSPENDED, cmd.from(), null);
        contracts.update(suspended, "SUSPENDED", cmd.reason().strip(), actor, clock.instant());
        outbox.append(Topics.CONTRACTS_V1, new ContractSuspended(Outbox.newEventId(), clock.instant(), id,
                cmd.from(), cmd.reason().strip()));
        return suspended;
    }

    @Transactional
    Contract resume(UUID id, Resume cmd, String region, String actor) {
        Contract c = locked(id, region);
        if (c.status() != ContractStatus.SUSPENDED) {
            throw DomainProblem.contractNotActive("Contract " + id + " is " + c.status() + "; only a SUSPENDED "
                    + "contract can be resumed");
        }
        LocalDate from = cmd == null || cmd.from() == null ? LocalDate.now(clock) : cmd.from();
        if (from.isBefore(c.suspendedFrom())) {
            throw DomainProblem.invalid("from " + from + " lies before the suspension started on " + c.suspendedFrom(),
                    new nl.regioinkoop.kit.problem.Problem.Violation("from", "must not lie before " + c.suspendedFrom()));
        }
        Contract resumed = c.withStatus(ContractStatus.ACTIVE, null, null);
        contracts.update(resumed, "RESUMED", "resumed from " + from, actor, clock.instant());
        outbox.append(Topics.CONTRACTS_V1, new ContractResumed(Outbox.newEventId(), clock.instant(), id, from,
                resumed.terms()));
        return resumed;
    }

    @Transactional
    Contract terminate(UUID id, Terminate cmd, String region, String actor) {
        Violations v = new Violations();
        v.check(cmd != null && cmd.endDate() != null, "endDate", "is required");
        v.check(cmd != null && cmd.reason() != null && !cmd.reason().isBlank() && cmd.reason().length() <= 500,
                "reason", "is required (max 500 characters)");
        v.throwIfAny();
        Contract c = locked(id, region);
        requireNotEnded(c, "terminated");
        requireWithinTerm(c, cmd.endDate(), "endDate");
        LocalDate earliest = LocalDate.now(clock).plusMonths(c.noticeMonths());
        if (cmd.endDate().isBefore(earliest) && !cmd.endDate().equals(c.validTo())) {
            throw DomainProblem.unprocessable("notice-period-not-respected", "The notice period is not respected",
                    "Contract " + id + " has a notice period of " + c.noticeMonths() + " months; the earliest end "
                            + "date is " + earliest).with("earliestEndDate", earliest.toString());
        }
        Contract ended = c.withStatus(ContractStatus.ENDED, null, cmd.endDate());
        contracts.update(ended, "TERMINATED", cmd.reason().strip(), actor, clock.instant());
        outbox.append(Topics.CONTRACTS_V1, new ContractEnded(Outbox.newEventId(), clock.instant(), id,
                cmd.endDate(), cmd.reason().strip()));
        return ended;
    }

    private Contract locked(UUID id, String region) {
        Contract c = contracts.lock(id).orElseThrow(() -> ProblemException.notFound("Contract " + id));
        if (!c.region().equals(region)) {
            throw ProblemException.forbidden();
        }
        return c;
    }

    private static void requireNotEnded(Contract c, String what) {
        if (c.status() == ContractStatus.ENDED) {
            throw DomainProblem.contractNotActive("Contract " + c.id() + " ended on " + c.validTo()
                    + " and cannot be " + what);
        }
    }

    private static void requireWithinTerm(Contract c, LocalDate date, String field) {
        if (date.isBefore(c.validFrom()) || date.isAfter(c.validTo())) {
            throw DomainProblem.invalid(field + " " + date + " lies outside the contract's term " + c.validFrom()
                    + " - " + c.validTo(), new nl.regioinkoop.kit.problem.Problem.Violation(field,
                    "must lie within " + c.validFrom() + " - " + c.validTo()));
        }
    }

    private static int productIndex(List<ContractProduct> products, TariffChange change) {
        if (change == null) {
            return -1;
        }
        for (int i = 0; i < products.size(); i++) {
            ContractProduct p = products.get(i);
            if (p.productCode().equals(change.productCode())
                    && (change.productCategory() == null || p.productCategory().equals(change.productCategory()))) {
                return i;
            }
        }
        return -1;
    }

    private static ContractProduct withTariffs(ContractProduct p, List<Tariff> tariffs) {
        return new ContractProduct(p.productCategory(), p.productCode(), p.segment(), p.fundingModel(), p.unit(),
                List.copyOf(tariffs));
    }

    private static boolean covers(Tariff t, LocalDate day) {
        return !t.validFrom().isAfter(day) && (t.validTo() == null || !t.validTo().isBefore(day));
    }

    /**
     * The price for one profile/intensity/area from {@code from} on: the price valid that day closes the day
     * before (or is replaced when it starts that same day). A price already set for a later date is not
     * overwritten silently.
     */
    static List<Tariff> replaceFrom(List<Tariff> tariffs, String profile, Integer intensity, String area,
                                    long amountCents, int resultShare, LocalDate from) {
        List<Tariff> result = new ArrayList<>();
        boolean placed = false;
        for (Tariff t : tariffs) {
            if (!ProductRules.sameKey(t, profile, intensity, area)) {
                result.add(t);
                continue;
            }
            if (t.validFrom().isAfter(from)) {
                throw DomainProblem.conflict("later-tariff-exists", "A later tariff exists",
                        "A tariff for " + ProductRules.key(t) + " already applies from " + t.validFrom()
                                + "; amend from that date or later");
            }
            if (!covers(t, from)) {
                result.add(t);
                continue;
            }
            if (!t.validFrom().equals(from)) {
                result.add(new Tariff(t.profile(), t.intensity(), t.area(), t.amountCents(), t.validFrom(),
                        from.minusDays(1), t.resultShareBasisPoints()));
            }
            result.add(new Tariff(t.profile(), t.intensity(), t.area(), amountCents, from, t.validTo(), resultShare));
            placed = true;
        }
        if (!placed) {
            result.add(new Tariff(profile, intensity, area, amountCents, from, null, resultShare));
        }
        return result;
    }
}
