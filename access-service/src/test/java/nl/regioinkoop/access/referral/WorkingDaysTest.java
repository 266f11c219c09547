package nl.regioinkoop.access.referral;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingDaysTest {
    @Test
    void fiveWorkingDaysFromAFridayEndTheNextFriday() {
        assertEquals(LocalDate.of(2026, 1, 16), WorkingDays.plus(LocalDate.of(2026, 1, 9), 5));
    }

    @Test
    void skipsEasterMondayKingsDayAndChristmas() {
        assertEquals(LocalDate.of(2026, 4, 5), WorkingDays.easterSunday(2026));
        assertEquals(LocalDate.of(2026, 4, 10), WorkingDays.plus(LocalDate.of(2026, 4, 2), 5));
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 27)));
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 14))); // Ascension
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 25))); // Whit Monday
        assertEquals(LocalDate.of(2026, 12, 31), WorkingDays.plus(LocalDate.of(2026, 12, 23), 5));
        assertTrue(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 3))); // Good Friday counts
    }
}
