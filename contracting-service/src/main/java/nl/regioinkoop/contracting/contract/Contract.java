package nl.regioinkoop.contracting.contract;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.contracting.ConsortiumMember;
import nl.regioinkoop.events.contracting.ContractProduct;
import nl.regioinkoop.events.contracting.ContractTerms;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A contract as stored: its terms plus what the terms derive from (initial years, the extension options and how
 * many are used). The end of the term is derived, never stored twice: term start + initial years + used options.
 * The term start is the tender's common start; a provider admitted later (open house) starts later but ends with the rest.
 */
@Serdeable
public record Contract(UUID id, String region, UUID tenderId, UUID lotId, List<ConsortiumMember> parties,
                       String contractForm, String segment, List<String> municipalities,
                       List<ContractProduct> products, LocalDate validFrom, LocalDate termStart, int initialYears,
                       List<Integer> extensionOptions, int extensionsUsed, int noticeMonths,
                       Long annualCeilingCents, Integer acceptanceDutyDays, ContractStatus status,
                       LocalDate suspendedFrom, LocalDate endedOn, int version) {

    public Contract {
        parties = parties == null ? List.of() : List.copyOf(parties);
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        products = products == null ? List.of() : List.copyOf(products);
        extensionOptions = extensionOptions == null ? List.of() : List.copyOf(extensionOptions);
        termStart = termStart == null ? validFrom : termStart;
    }

    static Contract signed(UUID id, ContractDraft d) {
        return new Contract(id, d.region(), d.tenderId(), d.lotId(), d.parties(), d.contractForm(), d.segment(),
                d.municipalities(), d.products(), d.validFrom(), d.termStart(), d.initialYears(), d.extensionOptions(), 0,
                d.noticeMonths(), d.annualCeilingCents(), d.acceptanceDutyDays(), ContractStatus.ACTIVE, null, null,
                1);
    }

    /** The holder: a single provider, or a consortium's lead (main contractor). */
    public String providerAgb() {
        return parties.isEmpty() ? null : parties.get(0).agbCode();
    }

    public LocalDate validTo() {
        if (endedOn != null) {
            return endedOn;
        }
        int years = initialYears + extensionOptions.subList(0, extensionsUsed).stream().mapToInt(i -> i).sum();
        return termStart.plusYears(years).minusDays(1);
    }

    public LocalDate maxValidTo() {
        if (endedOn != null) {
            return endedOn;
        }
        int years = initialYears + extensionOptions.stream().mapToInt(i -> i).sum();
        return termStart.plusYears(years).minusDays(1);
    }

    public List<Integer> remainingExtensionOptions() {
        return extensionOptions.subList(extensionsUsed, extensionOptions.size());
    }

    /** The full terms, as every contract event carries them. */
    public ContractTerms terms() {
        return new ContractTerms(id, tenderId, lotId, region, providerAgb(), parties, contractForm, segment,
                municipalities, products, validFrom, validTo(), maxValidTo(), noticeMonths, annualCeilingCents,
                acceptanceDutyDays, status.name());
    }

    Contract withProducts(List<ContractProduct> newProducts) {
        return new Contract(id, region, tenderId, lotId, parties, contractForm, segment, municipalities, newProducts,
                validFrom, termStart, initialYears, extensionOptions, extensionsUsed, noticeMonths, annualCeilingCents,
                acceptanceDutyDays, status, suspendedFrom, endedOn, version + 1);
    }

    Contract extended() {
        return new Contract(id, region, tenderId, lotId, parties, contractForm, segment, municipalities, products,
                validFrom, termStart, initialYears, extensionOptions, extensionsUsed + 1, noticeMonths, annualCeilingCents,
                acceptanceDutyDays, status, suspendedFrom, endedOn, version + 1);
    }

    Contract withStatus(ContractStatus newStatus, LocalDate newSuspendedFrom, LocalDate newEndedOn) {
        return new Contract(id, region, tenderId, lotId, parties, contractForm, segment, municipalities, products,
                validFrom, termStart, initialYears, extensionOptions, extensionsUsed, noticeMonths, annualCeilingCents,
                acceptanceDutyDays, newStatus, newSuspendedFrom, newEndedOn, version + 1);
    }
}
