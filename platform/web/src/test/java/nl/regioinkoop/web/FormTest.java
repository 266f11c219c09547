package nl.regioinkoop.web;

import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormTest {

    @Test
    void aRefusedFormKeepsWhatWasTypedItsKeyAndShowsEachViolationAtItsField() {
        Form submitted = Form.submitted(Map.of("bsn", "123456789", "name", "Typo", Form.KEY_FIELD, "k-1"));
        Form shown = submitted.refusedBy(ProblemException.invalid("The BSN fails the elfproef (11-test)",
                new Problem.Violation("bsn", "fails the elfproef")));
        assertEquals("123456789", shown.value("bsn"));
        assertEquals("Typo", shown.value("name"));
        assertEquals("k-1", shown.key(), "the retry after a correction is the same form");
        assertTrue(shown.invalid("bsn"));
        assertEquals("klopt niet volgens de elfproef: controleer het op een tikfout", shown.error("bsn"),
                "the screens speak Dutch");
        assertFalse(shown.invalid("name"));
        assertTrue(shown.refused());
        assertEquals("Niet verwerkt: controleer de gemarkeerde velden. Er is niets opgeslagen.", shown.detail());
        assertEquals("invalid-request", shown.refusal());
    }

    @Test
    void everyBlankFormHasAKeyOfItsOwn() {
        assertNotEquals(Form.blank().key(), Form.blank().key());
        assertFalse(Form.blank().refused());
        assertEquals("", Form.blank().value("bsn"));
        assertFalse(Form.submitted(Map.of()).key().isBlank(), "a form that came without a key gets one");
    }
}
