package nl.regioinkoop.contracting.contract;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.contracting.common.PartyShare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The bodies of the contract endpoints. */
final class ContractRequests {
    private ContractRequests() {
    }

    /** A local contract of one municipality, signed without a tender. */
    @Serdeable
    record SignContract(String providerAgb, Integer leadShareBasisPoints, List<PartyShare> members,
                        String contractForm, String segment, List<String> municipalities,
                        List<ProductInput> products, LocalDate validFrom, Integer initialYears,
                        List<Integer> extensionOptions, Integer noticeMonths, Long annualCeilingCents,
                        Integer acceptanceDutyDays) {
        TermsInput terms() {
            return new TermsInput(municipalities, validFrom, initialYears, extensionOptions, noticeMonths,
                    annualCeilingCents, acceptanceDutyDays);
        }
    }

    /** New prices from {@code effectiveFrom}; the price valid that day closes the day before. */
    @Serdeable
    record AmendTariffs(LocalDate effectiveFrom, String reason, List<TariffChange> tariffs) {
    }

    @Serdeable
    record TariffChange(String productCategory, String productCode, String profile, Integer intensity, String area,
                        Long amountCents, Integer resultShareBasisPoints) {
    }

    /** Yearly indexation: every price valid on {@code effectiveFrom} changes by {@code percentage} (e.g. 2.75). */
    @Serdeable
    record ApplyIndexation(BigDecimal percentage, LocalDate effectiveFrom) {
    }

    /** The region's yearly indexation of every running contract (optionally only those of one tender). */
    @Serdeable
    record IndexAll(BigDecimal percentage, LocalDate effectiveFrom, java.util.UUID tenderId) {
    }

    /** Which contracts an indexation changed, and which it left alone because their term does not cover the date. */
    @Serdeable
    record IndexationResult(List<java.util.UUID> indexed, List<java.util.UUID> skipped) {
    }

    @Serdeable
    record Suspend(LocalDate from, String reason) {
    }

    @Serdeable
    record Resume(LocalDate from) {
    }

    @Serdeable
    record Terminate(LocalDate endDate, String reason) {
    }
}
