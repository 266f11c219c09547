package nl.regioinkoop.access.allocation;

import nl.regioinkoop.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExpectedCostTest {
    @Test
    void pxqPerWeekCountsTheWeeksOfThePeriodExactly() {
        // 84 days = 12 weeks, 2 hours a week at EUR 85
        assertEquals(24 * 8_500, ExpectedCost.of("PXQ", 8_500, 2, "2", LocalDate.of(2027, 1, 4), LocalDate.of(2027, 3, 28)));
        // 10 days = 10/7 weeks: 1 hour a week at EUR 70 -> 100.00
        assertEquals(10_000, ExpectedCost.of("PXQ", 7_000, 1, "2", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 10)));
    }

    @Test
    void pxqPerMonthCountsWholeAndPartialCalendarMonths() {
        assertEquals(30 * 1_000, ExpectedCost.of("PXQ", 1_000, 10, "4", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31)));
        // half of February 2027 (14 of 28 days)
        assertEquals(5_000, ExpectedCost.of("PXQ", 1_000, 10, "4", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 14)));
    }

    @Test
    void pxqPerDayAndInTotal() {
        assertEquals(31 * 2 * 500, ExpectedCost.of("PXQ", 500, 2, "1", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)));
        assertEquals(40 * 9_000, ExpectedCost.of("PXQ", 9_000, 40, "6", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)));
    }

    @Test
    void aVolumeBeyondAnyBudgetIsRefusedAsInvalidNotAnOverflow() {
        ProblemException refused = assertThrows(ProblemException.class, () -> ExpectedCost.of("PXQ", 5_400,
                Long.MAX_VALUE, "6", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)));
        assertEquals(400, refused.status().getCode());
        assertThrows(ProblemException.class, () -> ExpectedCost.of("PXQ", 1, Long.MAX_VALUE / 2, "1",
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)));
    }

    @Test
    void outputIsTheTrajectoryPriceAndLumpSumCostsNothingPerClient() {
        assertEquals(400_000, ExpectedCost.of("OUTPUT", 400_000, 1, "6", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30)));
        assertEquals(0, ExpectedCost.of("LUMP_SUM", 50_000_000, 1, "6", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30)));
    }
}
