package nl.regioinkoop.istandaarden;

import java.time.LocalDate;

/**
 * One Prestatie of a 323: the provider's reference (ReferentieNummer, and VorigReferentieNummer when it corrects an
 * earlier line), the allocation number, product (category and code), the period delivered, the volume delivered in
 * its unit (WJ756), the tariff and the amount in eurocents. amountCents is signed: a credit line (C) is negative.
 */
public record DeclarationLine(String reference, String previousReference, long allocationNumber, Product product,
                              LocalDate periodStart, LocalDate periodEnd, long volume, String unit, Long tariffCents,
                              long amountCents) {

    public boolean credit() {
        return amountCents < 0;
    }
}
