package nl.regioinkoop.istandaarden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageSchemasTest {

    /** Examples of the shared copy that are known not to validate, with the reason (see its README). */
    static final Map<MessageType, String> KNOWN_DEFECTS = Map.of(
            MessageType.JW315, "ToewijzingEinddatum 2027-06-31 is an impossible date",
            MessageType.JW318, "fails on structure",
            MessageType.WMO315, "WMO315.xsd is absent (the copy was corrupt)");

    static Stream<MessageType> validExamples() {
        return Arrays.stream(MessageType.values())
                .filter(Examples::hasExample)
                .filter(type -> !KNOWN_DEFECTS.containsKey(type));
    }

    @Test
    void examplesAreFoundAtTheSharedLocation() {
        assertEquals(21, Arrays.stream(MessageType.values()).filter(Examples::hasExample).count(),
                "examples in " + Examples.DIRECTORY);
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void everyExampleOutsideTheKnownDefectsValidates(MessageType type) {
        Validation validation = Examples.schemas().validate(Examples.example(type));

        assertEquals(type, validation.type());
        assertEquals(List.of(), validation.violations());
    }

    @Test
    void theExampleWithAnImpossibleDateIsRefusedWithItsLocation() {
        Validation validation = Examples.schemas().validate(Examples.example(MessageType.JW315));

        assertFalse(validation.valid());
        Violation first = validation.violations().get(0);
        assertEquals(44, first.line());
        assertTrue(first.message().contains("2027-06-31"), first.message());
    }

    @Test
    void theStructurallyBrokenReturnExampleIsRefused() {
        assertFalse(Examples.schemas().validate(Examples.example(MessageType.JW318)).valid());
    }

    @Test
    void aMessageWithoutSchemaIsAClearError() {
        SchemaMissingException missing = assertThrows(SchemaMissingException.class,
                () -> Examples.schemas().validate(
                        "<Bericht xmlns=\"http://www.istandaarden.nl/iwmo/3_2/wmo325/schema\"/>"));

        // the iWmo return messages are not published in the knowledge base shared/ copies (its README)
        assertEquals(MessageType.WMO325, missing.type());
        assertTrue(missing.getMessage().contains("WMO325.xsd"), missing.getMessage());
        assertTrue(Examples.schemas().hasSchema(MessageType.WMO315));
        assertFalse(Examples.schemas().hasSchema(MessageType.WMO325));
        assertTrue(Examples.schemas().hasSchema(MessageType.JW325));
    }

    @Test
    void detectsTheTypeFromTheRootNamespace() {
        assertEquals(MessageType.JW301, MessageSchemas.detect(Examples.example(MessageType.JW301)));
        assertEquals(MessageType.WMO323, MessageSchemas.detect(Examples.example(MessageType.WMO323)));
    }

    @Test
    void refusesADocumentOfAnotherNamespace() {
        UnknownMessageTypeException unknown = assertThrows(UnknownMessageTypeException.class,
                () -> Examples.schemas().validate("<Bericht xmlns=\"urn:other\"/>"));

        assertTrue(unknown.getMessage().contains("urn:other"), unknown.getMessage());
    }

    @Test
    void refusesADocumentThatIsNotXml() {
        assertThrows(UnknownMessageTypeException.class, () -> Examples.schemas().validate("{\"json\": true}"));
    }

    @Test
    void reportsEachViolationWithLineAndColumnWithoutEchoingABsn() {
        String xml = new String(Examples.example(MessageType.JW305), StandardCharsets.UTF_8)
                .replace("<jw305:Bsn>999900006</jw305:Bsn>", "<jw305:Bsn>99990000</jw305:Bsn>")
                .replace("<jw305:Geslacht>1</jw305:Geslacht>", "<jw305:Geslacht>7</jw305:Geslacht>");

        List<Violation> violations = Examples.schemas().validate(xml).violations();

        assertTrue(violations.size() >= 2, violations.toString());
        assertTrue(violations.stream().allMatch(v -> v.line() > 0 && v.column() > 0), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.line() == 19), violations.toString());
        Violation masked = new Violation(1, 1, "Value '999900006' is not facet-valid");
        assertFalse(masked.message().contains("999900006"));
    }

    @Test
    void neverResolvesExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n"
                + "<jw305:Bericht xmlns:jw305=\"http://www.istandaarden.nl/ijw/3_2/jw305/schema\">&x;</jw305:Bericht>";

        assertThrows(UnknownMessageTypeException.class, () -> Examples.schemas().validate(xxe));
        Validation validation = Examples.schemas().validate(MessageType.JW305, xxe.getBytes(StandardCharsets.UTF_8));
        assertFalse(validation.valid());
        assertTrue(validation.violations().get(0).message().contains("DOCTYPE"), validation.violations().toString());
    }

    @Test
    void servesManyThreadsWithOneInstance() throws Exception {
        MessageSchemas shared = new MessageSchemas(Examples.DIRECTORY);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = pool.invokeAll(validExamples()
                    .flatMap(type -> Stream.of(type, type, type))
                    .map(type -> (java.util.concurrent.Callable<Boolean>) () -> shared.validate(Examples.example(type)).valid())
                    .toList());
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAMissingSchemaDirectoryClearly() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new MessageSchemas(Path.of("/nonexistent/istandaarden")));

        assertTrue(missing.getMessage().contains(MessageSchemas.DIRECTORY_OVERRIDE), missing.getMessage());
    }

    @Test
    void readsTheXsdVersionFromTheSchema() {
        assertEquals(new XsdVersion("0.1.0", "0.1.0"), Examples.schemas().xsdVersion(MessageType.JW301));
    }
}
