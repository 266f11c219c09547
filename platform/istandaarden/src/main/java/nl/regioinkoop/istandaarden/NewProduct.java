package nl.regioinkoop.istandaarden;

import java.time.LocalDate;

/** NieuwProduct of a 317: a product to add from the desired date, with its end, extent or budget (eurocents). */
public record NewProduct(Product product, LocalDate desiredStart, LocalDate endDate, Extent extent, Long budgetCents) {
}
