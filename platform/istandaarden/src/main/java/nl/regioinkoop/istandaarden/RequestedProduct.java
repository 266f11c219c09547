package nl.regioinkoop.istandaarden;

import java.time.LocalDate;

/**
 * One AangevraagdProduct of a 315: the provider's reference (ReferentieAanbieder, the key of the answer), the
 * decision number and start (beschikking), the product, the requested allocation period, either an extent or a
 * budget in eurocents, the referrer, Raamcontract (1 yes, 2 no) and a comment.
 */
public record RequestedProduct(String providerReference, Long decisionNumber, Product product, LocalDate decisionStart,
                               LocalDate allocationStart, LocalDate allocationEnd, Extent extent, Long budgetCents,
                               Referrer referrer, String frameworkContract, String comment) {
}
