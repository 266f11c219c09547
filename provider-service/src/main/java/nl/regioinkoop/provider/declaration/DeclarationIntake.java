package nl.regioinkoop.provider.declaration;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.DeclarationAccepted;
import nl.regioinkoop.events.provider.DeclarationRejected;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.provider.allocation.Allocation;
import nl.regioinkoop.provider.allocation.Allocations;
import nl.regioinkoop.provider.contract.ContractTariff;
import nl.regioinkoop.provider.contract.ContractTariffs;
import nl.regioinkoop.provider.declaration.DeclarationRequests.BatchAnswer;
import nl.regioinkoop.provider.declaration.DeclarationRequests.Line;
import nl.regioinkoop.provider.declaration.DeclarationRequests.LineAnswer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Judges declaration lines, any number in one transaction: the allocations they name are locked and loaded once,
 * with their contracts' tariffs and already accepted periods, so each line is checked in memory; the lines are
 * then written with one COPY, the volumes with one update and the events as a few outbox batch rows. A line
 * naming another provider's allocation refuses the whole submission (403) and nothing is stored.
 */
@Singleton
public class DeclarationIntake {
    public static final String ACCEPTED = "ACCEPTED";
    static final String REJECTED = "REJECTED";

    private final Allocations allocations;
    private final ContractTariffs contracts;
    private final DeclarationLines lines;
    private final Outbox outbox;
    private final DeclarationRejections rejections;
    private final Clock clock;

    DeclarationIntake(Allocations allocations, ContractTariffs contracts, DeclarationLines lines, Outbox outbox,
                      DeclarationRejections rejections, Clock clock) {
        this.allocations = allocations;
        this.contracts = contracts;
        this.lines = lines;
        this.outbox = outbox;
        this.rejections = rejections;
        this.clock = clock;
    }

    private record Period(LocalDate start, LocalDate end) {
        boolean overlaps(LocalDate from, LocalDate to) {
            return !from.isAfter(end) && !to.isBefore(start);
        }
    }

    @Transactional
    public BatchAnswer declare(String providerAgb, List<Line> submitted) {
        Set<UUID> ids = new LinkedHashSet<>();
        submitted.forEach(line -> ids.add(line.allocationId()));
        Map<UUID, Allocation> known = allocations.lockAll(ids);
        for (Allocation allocation : known.values()) {
            if (!allocation.providerAgb().equals(providerAgb)) {
                throw ProblemException.forbidden();
            }
        }
        Set<UUID> contractIds = new LinkedHashSet<>();
        known.values().forEach(a -> {
            if (a.contractId() != null) {
                contractIds.add(a.contractId());
            }
        });
        Map<UUID, List<ContractTariff>> tariffs = contracts.load(contractIds);
        Map<UUID, List<Period>> declared = new HashMap<>();
        lines.acceptedPeriods(known.keySet()).forEach(p ->
                declared.computeIfAbsent(p.allocationId(), k -> new ArrayList<>()).add(new Period(p.start(), p.end())));
        Map<UUID, Long> addedVolume = new HashMap<>();

        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        UUID submissionId = UUID.randomUUID();
        List<DeclarationLines.Row> rows = new ArrayList<>(submitted.size());
        List<DomainEvent> events = new ArrayList<>(submitted.size());
        List<LineAnswer> answers = new ArrayList<>(submitted.size());
        Map<String, Long> rejectedByReason = new HashMap<>();
        int accepted = 0;
        for (int i = 0; i < submitted.size(); i++) {
            Line line = submitted.get(i);
            Allocation allocation = known.get(line.allocationId());
            Rejection rejection = judge(line, allocation, tariffs, declared, addedVolume, today);
            UUID lineId = UUID.randomUUID();
            String municipality = allocation == null ? null : allocation.municipalityCode();
            if (rejection == null) {
                accepted++;
                declared.computeIfAbsent(line.allocationId(), k -> new ArrayList<>())
                        .add(new Period(line.periodStart(), line.periodEnd()));
                addedVolume.merge(line.allocationId(), line.volume(), Long::sum);
                events.add(new DeclarationAccepted(Outbox.newEventId(), now, lineId, line.allocationId(), providerAgb,
                        municipality, allocation.clientPseudonym(), allocation.productCategory(), line.productCode(),
                        line.periodStart(), line.periodEnd(), line.volume(), line.unit(), line.tariffCents(),
                        line.amountCents()));
                answers.add(new LineAnswer(i, line.lineRef(), lineId, line.allocationId(), ACCEPTED, null, null));
            } else {
                events.add(new DeclarationRejected(Outbox.newEventId(), now, lineId, line.allocationId(), providerAgb,
                        municipality, line.periodStart(), line.periodEnd(), line.amountCents(),
                        rejection.reason().code, rejection.text()));
                answers.add(new LineAnswer(i, line.lineRef(), lineId, line.allocationId(), REJECTED,
                        rejection.reason().code, rejection.text()));
                rejectedByReason.merge(rejection.reason().code, 1L, Long::sum);
            }
            rows.add(new DeclarationLines.Row(lineId, submissionId, providerAgb, line,
                    rejection == null ? ACCEPTED : REJECTED,
                    rejection == null ? null : rejection.reason().code, rejection == null ? null : rejection.text(),
                    now));
        }
        lines.insertAll(rows);
        allocations.addDeclaredVolumes(addedVolume);
        outbox.appendAll(Topics.PROVIDER_REPORTS_V1, events);
        rejections.countAfterCommit(rejectedByReason);
        return new BatchAnswer(submissionId, submitted.size(), accepted, submitted.size() - accepted, answers);
    }

    private record Rejection(DeclarationReason reason, String text) {
    }

    private static Rejection reject(DeclarationReason reason, String detail) {
        return new Rejection(reason, reason.meaning + ": " + detail);
    }

    /** Funding models whose money moves with the contract (per year, area or population), never per client. */
    private static final Set<String> NOT_PER_CLIENT = Set.of("LUMP_SUM", "POPULATION");

    private static Rejection judge(Line line, Allocation a, Map<UUID, List<ContractTariff>> tariffs,
                                   Map<UUID, List<Period>> declared, Map<UUID, Long> addedVolume, LocalDate today) {
        LocalDate from = line.periodStart();
        LocalDate to = line.periodEnd();
        if (to.isBefore(from) || !YearMonth.from(from).equals(YearMonth.from(to)) || to.isAfter(today)) {
            return reject(DeclarationReason.INVALID_PERIOD, from + " to " + to);
        }
        if (a == null) {
            return reject(DeclarationReason.ALLOCATION_UNKNOWN, String.valueOf(line.allocationId()));
        }
        if (NOT_PER_CLIENT.contains(a.fundingModel())) {
            // a lump sum or population budget is paid by the contract, so a per-client line would pay twice
            return reject(DeclarationReason.NOT_PAID_PER_CLIENT, "allocation " + a.allocationId() + " is funded "
                    + a.fundingModel());
        }
        if (!a.covers(from, to)) {
            return reject(DeclarationReason.OUTSIDE_ALLOCATION, from + " to " + to + " is not within "
                    + a.validFrom() + " to " + (a.effectiveEnd() == null ? "open end" : a.effectiveEnd())
                    + (a.careStoppedOn() == null ? "" : ", care stopped " + a.careStoppedOn()));
        }
        if (!line.productCode().equals(a.productCode())
                || (line.productCategory() != null && !line.productCategory().equals(a.productCategory()))) {
            return reject(DeclarationReason.PRODUCT_MISMATCH, "declared " + line.productCode() + ", allocated "
                    + a.productCode());
        }
        if (a.unit() != null && !a.unit().equals(line.unit())) {
            return reject(DeclarationReason.UNIT_MISMATCH, "declared " + line.unit() + ", allocated " + a.unit());
        }
        List<ContractTariff> contract = a.contractId() == null ? null : tariffs.get(a.contractId());
        if (contract != null) {
            List<Long> valid = contract.stream()
                    .filter(t -> t.productCode().equals(a.productCode()) && t.fits(a.profile(), a.intensity())
                            && t.covers(from, to))
                    .map(ContractTariff::amountCents).distinct().toList();
            if (valid.isEmpty()) {
                return reject(DeclarationReason.NO_CONTRACT_TARIFF, "product " + a.productCode() + ", "
                        + from + " to " + to);
            }
            if (!valid.contains(line.tariffCents())) {
                return reject(DeclarationReason.TARIFF_MISMATCH, "declared " + line.tariffCents()
                        + " cents, contract " + valid.get(0) + " cents");
            }
        } else if (a.tariffCents() != line.tariffCents()) {
            // contract not (yet) replicated: the allocation carries the tariff access-service took from it
            return reject(DeclarationReason.TARIFF_MISMATCH, "declared " + line.tariffCents()
                    + " cents, allocated " + a.tariffCents() + " cents");
        }
        long expected;
        try {
            expected = Math.multiplyExact(line.volume(), line.tariffCents());
        } catch (ArithmeticException e) {
            expected = -1;
        }
        if (expected != line.amountCents()) {
            return reject(DeclarationReason.AMOUNT_MISMATCH, line.volume() + " x " + line.tariffCents() + " = "
                    + (expected < 0 ? "overflow" : expected) + " cents, declared " + line.amountCents() + " cents");
        }
        for (Period period : declared.getOrDefault(a.allocationId(), List.of())) {
            if (period.overlaps(from, to)) {
                return reject(DeclarationReason.PERIOD_ALREADY_DECLARED, "already declared " + period.start()
                        + " to " + period.end());
            }
        }
        long remaining = a.remainingVolume();
        if (remaining != Long.MAX_VALUE) {
            remaining -= addedVolume.getOrDefault(a.allocationId(), 0L);
            if (line.volume() > remaining) {
                return reject(DeclarationReason.VOLUME_EXCEEDED, "declared " + line.volume() + ", remaining "
                        + Math.max(remaining, 0) + " of " + a.allowedVolume() + " (unit " + a.unit() + ")");
            }
        }
        return null;
    }
}
