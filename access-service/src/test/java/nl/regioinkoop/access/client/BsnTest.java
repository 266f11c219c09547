package nl.regioinkoop.access.client;

import nl.regioinkoop.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BsnTest {
    @Test
    void acceptsNumbersPassingTheElfproef() {
        assertTrue(Bsn.passesElfproef("999900006"));
        assertTrue(Bsn.passesElfproef("111222333"));
        assertEquals("111222333", Bsn.of("111222333").value());
    }

    @Test
    void refusesNumbersFailingTheElfproefOrOfTheWrongLength() {
        assertFalse(Bsn.passesElfproef("999900007"));
        assertEquals(400, assertThrows(ProblemException.class, () -> Bsn.of("999900007")).status().getCode());
        assertThrows(ProblemException.class, () -> Bsn.of("12345678"));
        assertThrows(ProblemException.class, () -> Bsn.of("abcdefghi"));
    }

    @Test
    void neverShowsItsDigitsWhenPrinted() {
        assertFalse(Bsn.of("111222333").toString().contains("111222333"));
    }
}
