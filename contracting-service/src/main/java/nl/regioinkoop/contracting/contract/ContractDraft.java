package nl.regioinkoop.contracting.contract;

import nl.regioinkoop.events.contracting.ConsortiumMember;
import nl.regioinkoop.events.contracting.ContractProduct;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Checked terms of a contract about to be signed: from a definitive award, an open-house admission or a local contract. */
public record ContractDraft(String region, UUID tenderId, UUID lotId, List<ConsortiumMember> parties,
                            String contractForm, String segment, List<String> municipalities,
                            List<ContractProduct> products, LocalDate validFrom, LocalDate termStart, int initialYears,
                            List<Integer> extensionOptions, int noticeMonths, Long annualCeilingCents,
                            Integer acceptanceDutyDays) {

    public static ContractDraft of(String region, UUID tenderId, UUID lotId, List<ConsortiumMember> parties,
                                   String contractForm, String segment, List<ContractProduct> products,
                                   TermsInput terms, LocalDate validFrom) {
        return new ContractDraft(region, tenderId, lotId, parties, contractForm, segment,
                List.copyOf(terms.municipalities()), products, validFrom, terms.validFrom(), terms.initialYears(),
                terms.extensionOptions() == null ? List.of() : List.copyOf(terms.extensionOptions()),
                terms.noticeMonths() == null ? 0 : terms.noticeMonths(), terms.annualCeilingCents(),
                terms.acceptanceDutyDays());
    }
}
