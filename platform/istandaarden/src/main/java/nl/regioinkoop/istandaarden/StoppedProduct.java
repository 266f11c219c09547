package nl.regioinkoop.istandaarden;

import java.time.LocalDate;

/**
 * One StopProduct of a 307: the allocation (ToewijzingNummer, optional in the schema), product, ToewijzingIngangsdatum,
 * the Begindatum of care, RedenBeeindiging (iJw JZ588, e.g. 31 according to plan, 32/33 dropout; iWmo WMO588, e.g.
 * 19 according to plan, 21/22 ended one-sidedly), the Einddatum and StatusAanlevering.
 */
public record StoppedProduct(Long allocationNumber, Product product, LocalDate allocationStart, LocalDate startDate,
                             String reason, LocalDate endDate, String deliveryStatus) {
}
