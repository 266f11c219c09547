package nl.regioinkoop.istandaarden;

import java.time.LocalDate;

/**
 * One StartProduct of a 305: the allocation it starts (ToewijzingNummer, optional in the schema), its product and
 * ToewijzingIngangsdatum, the Begindatum of care, and StatusAanlevering (1 first, 2 changed, 3 delete).
 */
public record StartedProduct(Long allocationNumber, Product product, LocalDate allocationStart, LocalDate startDate,
                             String deliveryStatus) {
}
