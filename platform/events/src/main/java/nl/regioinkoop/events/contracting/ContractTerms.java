package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A contract's full terms as access-service and provider-service validate against them: who holds it, for which
 * municipalities, which products at which tariffs, and when. A municipality's local contract has one municipality
 * and {@code tenderId} null.
 *
 * @param contractForm        OPEN_HOUSE, SELECTIVE or PARTNERSHIP
 * @param validTo             current end of the term
 * @param maxValidTo          end of the term if every extension option is used (e.g. 4 + 2 + 2)
 * @param annualCeilingCents  production ceiling per year, null when there is none
 * @param status              ACTIVE, SUSPENDED or ENDED
 */
@Serdeable
public record ContractTerms(UUID contractId, UUID tenderId, UUID lotId, String region, String providerAgb,
                            List<ConsortiumMember> members, String contractForm, String segment,
                            List<String> municipalities, List<ContractProduct> products, LocalDate validFrom,
                            LocalDate validTo, LocalDate maxValidTo, int noticeMonths, Long annualCeilingCents,
                            Integer acceptanceDutyDays, String status) {
}
