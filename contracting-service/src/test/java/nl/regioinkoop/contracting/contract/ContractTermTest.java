package nl.regioinkoop.contracting.contract;

import nl.regioinkoop.events.contracting.ConsortiumMember;
import nl.regioinkoop.events.contracting.Tariff;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ContractTermTest {
    private static final LocalDate JULY_2026 = LocalDate.of(2026, 7, 1);

    private static Contract fourPlusTwoPlusTwo(LocalDate validFrom) {
        return Contract.signed(UUID.randomUUID(), new ContractDraft("MLW", null, null,
                List.of(new ConsortiumMember("12345678", "LEAD", 10000)), "SELECTIVE", "ambulant", List.of("0988"),
                List.of(), validFrom, JULY_2026, 4, List.of(2, 2), 6, null, null));
    }

    @Test
    void derivesTheEndOfTheTermFromInitialYearsAndUsedOptions() {
        Contract contract = fourPlusTwoPlusTwo(JULY_2026);
        assertEquals(LocalDate.of(2030, 6, 30), contract.validTo());
        assertEquals(LocalDate.of(2034, 6, 30), contract.maxValidTo());
        Contract extended = contract.extended();
        assertEquals(LocalDate.of(2032, 6, 30), extended.validTo());
        assertEquals(List.of(2), extended.remainingExtensionOptions());
    }

    @Test
    void aLaterAdmissionEndsWithTheTermEveryoneShares() {
        Contract admitted = fourPlusTwoPlusTwo(LocalDate.of(2027, 2, 1));
        assertEquals(LocalDate.of(2027, 2, 1), admitted.terms().validFrom());
        assertEquals(LocalDate.of(2030, 6, 30), admitted.validTo());
    }

    @Test
    void aNewPriceClosesTheOldOneTheDayBefore() {
        List<Tariff> tariffs = List.of(new Tariff(null, null, null, 7850, JULY_2026, null, 0));
        List<Tariff> amended = ContractBook.replaceFrom(tariffs, null, null, null, 8100, 0, LocalDate.of(2027, 1, 1));
        assertEquals(List.of(new Tariff(null, null, null, 7850, JULY_2026, LocalDate.of(2026, 12, 31), 0),
                new Tariff(null, null, null, 8100, LocalDate.of(2027, 1, 1), null, 0)), amended);
    }

    @Test
    void aPriceForTheSameStartDateIsReplacedAndOtherProfilesAreUntouched() {
        Tariff p3i2 = new Tariff("P3", 2, null, 1_250_000, JULY_2026, null, 1000);
        Tariff p3i3 = new Tariff("P3", 3, null, 1_890_000, JULY_2026, null, 1000);
        List<Tariff> amended = ContractBook.replaceFrom(List.of(p3i2, p3i3), "P3", 2, null, 1_300_000, 1000, JULY_2026);
        assertEquals(List.of(new Tariff("P3", 2, null, 1_300_000, JULY_2026, null, 1000), p3i3), amended);
    }

    @Test
    void refusesToAmendBeforeALaterPrice() {
        List<Tariff> tariffs = List.of(new Tariff(null, null, null, 7850, JULY_2026, LocalDate.of(2026, 12, 31), 0),
                new Tariff(null, null, null, 8100, LocalDate.of(2027, 1, 1), null, 0));
        assertThrows(nl.regioinkoop.kit.problem.ProblemException.class,
                () -> ContractBook.replaceFrom(tariffs, null, null, null, 9000, 0, LocalDate.of(2026, 10, 1)));
    }
}
