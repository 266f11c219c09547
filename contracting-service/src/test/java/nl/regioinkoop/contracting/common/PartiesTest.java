package nl.regioinkoop.contracting.common;

import nl.regioinkoop.events.contracting.ConsortiumMember;
import nl.regioinkoop.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PartiesTest {
    private final Parties parties = new Parties(7000);

    @Test
    void aSingleProviderDeliversEverything() {
        assertEquals(List.of(new ConsortiumMember("12345678", "LEAD", 10000)), parties.of("12345678", null, null, ""));
    }

    @Test
    void aConsortiumLeadAtTheMinimumIsAccepted() {
        assertEquals(List.of(new ConsortiumMember("12345678", "LEAD", 7000),
                        new ConsortiumMember("87654321", "MEMBER", 3000)),
                parties.of("12345678", 7000, List.of(new PartyShare("87654321", 3000)), ""));
    }

    @Test
    void refusesALeadBelowTheMinimum() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> parties.of("12345678", 6999, List.of(new PartyShare("87654321", 3001)), ""));
        assertEquals(422, refused.status().getCode());
        assertEquals(Problems.TYPE + "lead-share-below-minimum", refused.type());
    }

    @Test
    void refusesSharesThatDoNotSumToTheWhole() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> parties.of("12345678", 8000, List.of(new PartyShare("87654321", 1000)), ""));
        assertEquals(Problems.TYPE + "shares-do-not-sum-to-whole", refused.type());
    }

    @Test
    void refusesTheSameProviderTwice() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> parties.of("12345678", 8000, List.of(new PartyShare("12345678", 2000)), ""));
        assertEquals(400, refused.status().getCode());
    }

    private static final class Problems {
        static final String TYPE = nl.regioinkoop.kit.problem.Problem.TYPE_BASE;
    }
}
