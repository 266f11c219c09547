package nl.regioinkoop.provider.allocation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** An allocation (the JW301 meaning) as replicated from access-service, with what its provider reported on it. */
public record Allocation(UUID allocationId, String municipalityCode, String clientPseudonym, String providerAgb,
                         UUID contractId, String productCategory, String productCode, String profile,
                         Integer intensity, String fundingModel, long volume, String unit, String frequency,
                         LocalDate validFrom, LocalDate validTo, long tariffCents, LocalDate endedOn,
                         String endReason, boolean withdrawn, long declaredVolume, LocalDate careStartedOn,
                         LocalDate careStoppedOn, String stopReason, String outcomeGoal,
                         Integer outcomeSatisfaction) {

    /** The last day care may be given under it: its end date, or the earlier day access-service ended it. */
    public LocalDate effectiveEnd() {
        if (endedOn == null) {
            return validTo;
        }
        return validTo == null || endedOn.isBefore(validTo) ? endedOn : validTo;
    }

    /** True when [from, to] lies within the allocation's validity and before a reported stop of care. */
    public boolean covers(LocalDate from, LocalDate to) {
        LocalDate end = effectiveEnd();
        if (careStoppedOn != null && (end == null || careStoppedOn.isBefore(end))) {
            end = careStoppedOn;
        }
        return !from.isBefore(validFrom) && (end == null || !to.isAfter(end));
    }

    /**
     * The whole volume allocated, from the WMO757 frequency: 6 (or none) means in total within the validity;
     * 1, 2 and 4 mean per day, week and month over the validity. Open-ended periodic allocations have no total.
     */
    public long allowedVolume() {
        if (frequency == null || "6".equals(frequency)) {
            return volume;
        }
        LocalDate end = effectiveEnd();
        if (end == null) {
            return Long.MAX_VALUE;
        }
        long days = ChronoUnit.DAYS.between(validFrom, end) + 1;
        return switch (frequency) {
            case "1" -> Math.multiplyExact(volume, days);
            case "2" -> Math.multiplyExact(volume, (days + 6) / 7);
            case "4" -> Math.multiplyExact(volume,
                    ChronoUnit.MONTHS.between(YearMonth.from(validFrom), YearMonth.from(end)) + 1);
            default -> volume;
        };
    }

    public long remainingVolume() {
        long allowed = allowedVolume();
        return allowed == Long.MAX_VALUE ? Long.MAX_VALUE : allowed - declaredVolume;
    }

    /** Ended: care stopped, access-service ended it, or its period is over. */
    public boolean hasEnded(LocalDate today) {
        LocalDate end = effectiveEnd();
        return careStoppedOn != null || endedOn != null || (end != null && end.isBefore(today));
    }

    AllocationView view() {
        long remaining = remainingVolume();
        return new AllocationView(allocationId, municipalityCode, clientPseudonym, providerAgb, contractId,
                productCategory, productCode, fundingModel, volume, unit, frequency, validFrom, validTo, tariffCents,
                endedOn, endReason, withdrawn, declaredVolume, remaining == Long.MAX_VALUE ? null : remaining,
                careStartedOn, careStoppedOn, stopReason, outcomeGoal, outcomeSatisfaction);
    }
}
