package nl.regioinkoop.istandaarden;

import java.time.LocalDate;

/** TeWijzigenProduct of a 317: an allocation to change from the desired date, with its new end, extent or budget (eurocents). */
public record ProductChange(long allocationNumber, LocalDate desiredStart, LocalDate endDate, Extent extent,
                            Long budgetCents) {
}
