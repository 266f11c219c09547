package nl.regioinkoop.provider.contract;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** One tariff of a product under a contract, valid in a period (validTo null: open end). */
public record ContractTariff(UUID contractId, String productCode, String unit, String profile, Integer intensity,
                             long amountCents, LocalDate validFrom, LocalDate validTo) {

    public boolean covers(LocalDate from, LocalDate to) {
        return !from.isBefore(validFrom) && (validTo == null || !to.isAfter(validTo));
    }

    /** A per-unit tariff (no profile) fits every allocation; a profile tariff only its profile and intensity. */
    public boolean fits(String allocationProfile, Integer allocationIntensity) {
        return profile == null
                || (profile.equals(allocationProfile) && (intensity == null || Objects.equals(intensity, allocationIntensity)));
    }
}
