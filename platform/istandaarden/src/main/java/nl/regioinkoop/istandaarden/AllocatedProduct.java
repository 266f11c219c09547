package nl.regioinkoop.istandaarden;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One ToegewezenProduct of a 301: the allocation number (ToewijzingNummer, stable over changes), the provider's
 * reference when it answers a 315/317, the product (category and optional code), the moment the municipality fixed the
 * allocation (Toewijzingsdatum and -tijd), its start and optional end, the reason of change (RedenWijziging, e.g.
 * 04 extended, 05 shortened, 13 deleted; only when the allocation changed or was withdrawn), and either an extent or a
 * budget in eurocents, with an optional comment.
 */
public record AllocatedProduct(long allocationNumber, String providerReference, Product product,
                               LocalDate allocationDate, LocalTime allocationTime, LocalDate startDate,
                               LocalDate endDate, String changeReason, Extent extent, Long budgetCents,
                               String comment) {
}
