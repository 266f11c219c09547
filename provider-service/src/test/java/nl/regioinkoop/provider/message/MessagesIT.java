package nl.regioinkoop.provider.message;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.access.AllocationIssued;
import nl.regioinkoop.istandaarden.MessageSchemas;
import nl.regioinkoop.istandaarden.MessageType;
import nl.regioinkoop.istandaarden.Validation;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.provider.Fixtures;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standard's example messages, sent as the provider they name (AGB 65656055) for allocations replicated with
 * the numbers, products and municipalities they refer to; every answer is checked against its own XSD.
 */
@MicronautTest(transactional = false)
class MessagesIT extends RealInfrastructure {
    static final String PROVIDER = "65656055";
    static final Map<String, String> XML = Map.of("Accept", "application/xml");

    @Inject
    EmbeddedServer server;
    @Inject
    EventJson json;
    Api api;
    Fixtures fixtures;
    MessageSchemas schemas;
    final Map<String, UUID> ids = new java.util.HashMap<>();

    @Override
    protected String databaseName() {
        return "provider";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("istandaarden.schema-dir", StandardFiles.directory().toString(), "micronaut.server.port", "-1");
    }

    @BeforeAll
    void replicateTheAllocationsTheExamplesNameAsAccessServiceIssuesThem() {
        api = new Api(server.getURL().toString());
        fixtures = new Fixtures(json);
        schemas = new MessageSchemas(StandardFiles.directory());
        // JW305/JW307: Amsterdam (0363), youth category 55, April to July 2026
        allocation("jw300201", 300201, "0363", "55", "55A11", 200, 0, "2026-04-01", "2026-07-31");
        allocation("jw300202", 300202, "0363", "55", "55A12", 200, 0, "2026-04-01", "2026-07-31");
        // WMO305/WMO307: the same numbers in the other legal domain (WMO020 category 01), 2025
        allocation("wmo300201", 300201, "0363", "01", "01A11", 200, 0, "2025-04-01", "2025-07-31");
        allocation("wmo300202", 300202, "0363", "01", "01A12", 200, 0, "2025-04-01", "2025-07-31");
        // JW323: Diemen (0384), ambulant hours at 12.50 and 15.00 euros
        allocation("jw10072", 10072, "0384", "45", "45A03", 100, 1250, "2026-01-01", "2026-12-31");
        allocation("jw10073", 10073, "0384", "45", "45A04", 100, 1500, "2026-01-01", "2026-12-31");
        allocation("jw10074", 10074, "0384", "45", "45A03", 100, 1250, "2026-01-01", "2026-12-31");
        // WMO323: 2023
        allocation("wmo20072", 20072, "0384", "01", "01A03", 100, 1250, "2023-01-01", "2023-12-31");
        allocation("wmo200730", 200730, "0384", "01", "01A04", 100, 1500, "2023-01-01", "2023-12-31");
        allocation("wmo20074", 20074, "0384", "01", "01A03", 100, 1250, "2023-01-01", "2023-12-31");
        allocation("wmo20073", 20073, "0384", "01", "01A04", 100, 1500, "2023-01-01", "2023-12-31");
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.values().stream()
                .allMatch(id -> api.get("/api/v1/allocations/" + id, tokens.provider(PROVIDER)).status() == 200));
    }

    private void allocation(String name, long number, String municipality, String category, String product,
                            long volume, long tariff, String from, String to) {
        UUID id = StandardFiles.idWithNumber(number);
        ids.put(name, id);
        DomainEvent issued = new AllocationIssued(UUID.randomUUID(), Instant.now(), id, UUID.randomUUID(),
                municipality, "pseudo-" + UUID.randomUUID(), PROVIDER, UUID.randomUUID(), category, product, null,
                null, null, "02", "PXQ", volume, "04", "6", LocalDate.parse(from), LocalDate.parse(to), tariff,
                volume * tariff, null, null);
        fixtures.publishAllocation(issued);
    }

    private Api.Response send(String xml, String agb) {
        return api.send("POST", "/api/v1/messages", tokens.provider(agb), "application/xml", xml, XML);
    }

    private void assertValid(MessageType type, Api.Response answer) {
        assertEquals(200, answer.status(), answer.toString());
        assertTrue(answer.contentType().startsWith("application/xml"), answer.toString());
        Validation validation = schemas.validate(answer.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(type, validation.type());
        assertEquals(List.of(), validation.violations(), answer.body());
    }

    private Map<String, Object> allocation(String name) {
        return api.get("/api/v1/allocations/" + ids.get(name), tokens.provider(PROVIDER)).json();
    }

    @Test
    void exampleStartAndStopOfCareAreAnsweredWithValidJw306AndJw308AndReportedOnce() {
        Api.Response started = send(StandardFiles.example("JW305.xml"), PROVIDER);
        assertValid(MessageType.JW306, started);
        assertEquals(List.of(List.of("0200"), List.of("0200")), StandardFiles.returnCodes(started.body(), "StartProduct"));
        assertEquals("2026-04-03", allocation("jw300201").get("careStartedOn"));
        assertEquals("2026-04-15", allocation("jw300202").get("careStartedOn"));

        Api.Response again = send(StandardFiles.example("JW305.xml"), PROVIDER);
        assertValid(MessageType.JW306, again);
        assertEquals(List.of(List.of("0200"), List.of("0200")), StandardFiles.returnCodes(again.body(), "StartProduct"),
                "the same message again is answered the same");

        Api.Response stopped = send(StandardFiles.example("JW307.xml"), PROVIDER);
        assertValid(MessageType.JW308, stopped);
        assertEquals(List.of(List.of("0200"), List.of("0200")), StandardFiles.returnCodes(stopped.body(), "StopProduct"));
        assertEquals("2026-07-17", allocation("jw300201").get("careStoppedOn"));
        assertEquals("31", allocation("jw300201").get("stopReason"));
    }

    @Test
    void exampleDeclarationIsAnsweredPerLineInAValidJw325AndCountedOnce() {
        Api.Response answer = send(StandardFiles.example("JW323.xml"), PROVIDER);
        assertValid(MessageType.JW325, answer);
        // RN004 in April repeats RN002's period on allocation 10073: overlapping (9361); RN004 in March lies outside
        // the declaration period April (9319); the rest is granted
        assertEquals(List.of(List.of("8001"), List.of("8001"), List.of("8001"), List.of("9361"), List.of("9319")),
                StandardFiles.returnCodes(answer.body(), "Prestatie"));
        java.util.regex.Matcher granted = java.util.regex.Pattern.compile(
                "TotaalToegekendBedrag>\\s*<[^>]*TotaalBedrag>(\\d+)<").matcher(answer.body());
        assertTrue(granted.find(), answer.body());
        assertEquals("34000", granted.group(1), "5000 + 24000 + 5000 cents granted");
        assertEquals(16, ((Number) allocation("jw10073").get("declaredVolume")).intValue(), "16 of 100 hours");

        Api.Response again = send(StandardFiles.example("JW323.xml"), PROVIDER);
        assertValid(MessageType.JW325, again);
        assertEquals(StandardFiles.returnCodes(answer.body(), "Prestatie"),
                StandardFiles.returnCodes(again.body(), "Prestatie"));
        assertEquals(16, ((Number) allocation("jw10073").get("declaredVolume")).intValue(), "counted once");

        String otherContent = StandardFiles.example("JW323.xml").replace("<jw323:GeleverdVolume>4<", "<jw323:GeleverdVolume>3<");
        Api.Response reused = send(otherContent, PROVIDER);
        assertValid(MessageType.JW325, reused);
        assertTrue(reused.body().contains(">9333<"), "another declaration under a used DeclaratieNummer: " + reused.body());
    }

    @Test
    void wmoExamplesAreProcessedAndAnsweredWithTheirReturnCodesAsJsonForLackOfReturnSchemas() {
        Api.Response started = send(StandardFiles.example("WMO305.xml"), PROVIDER);
        assertEquals(200, started.status(), started.toString());
        assertTrue(started.contentType().startsWith("application/json"), started.toString());
        assertEquals("WMO306", started.json().get("returnMessageType"));
        assertEquals(List.of(List.of("0200"), List.of("0200")), codes(started));
        assertEquals("2025-04-04", allocation("wmo300202").get("careStartedOn"));

        Api.Response stopped = send(StandardFiles.example("WMO307.xml"), PROVIDER);
        // the example stops 300202 as begun on 2025-04-15, but WMO305 started it on 2025-04-04: no such start (9069)
        assertEquals(List.of(List.of("0200"), List.of("9069")), codes(stopped));
        assertEquals("35", allocation("wmo300201").get("stopReason"), "WMO588 31 (moved) is JZ588 35 (external)");
        assertNull(allocation("wmo300202").get("careStoppedOn"));

        Api.Response declared = send(StandardFiles.example("WMO323.xml"), PROVIDER);
        assertEquals("WMO325", declared.json().get("returnMessageType"));
        assertEquals(List.of(List.of("8001"), List.of("8001"), List.of("8001"), List.of("8001")), codes(declared));
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> codes(Api.Response answer) {
        List<List<String>> codes = new ArrayList<>();
        for (Object line : (List<Object>) answer.json().get("lines")) {
            codes.add((List<String>) ((Map<String, Object>) line).get("codes"));
        }
        return codes;
    }

    @Test
    void lineForAnUnknownAllocationNumberIsRefusedWith9019() {
        String xml = StandardFiles.example("JW305.xml").replace("<jw305:Identificatie>123456789012<",
                "<jw305:Identificatie>UNKNOWN00001<").replace(">300201<", ">999999<").replace(">300202<", ">999998<");
        Api.Response answer = send(xml, PROVIDER);
        assertValid(MessageType.JW306, answer);
        assertEquals(List.of(List.of("9019"), List.of("9019")), StandardFiles.returnCodes(answer.body(), "StartProduct"));
    }

    @Test
    void messageBreakingItsSchemaIsRefusedWithItsViolationsAndChangesNothing() {
        String xml = StandardFiles.example("JW305.xml").replace("<jw305:Identificatie>123456789012<",
                "<jw305:Identificatie>INVALID00001<").replace("2026-04-03", "2026-04-31");
        Api.Response answer = send(xml, PROVIDER);
        assertEquals(400, answer.status(), answer.toString());
        assertTrue(answer.isProblem(), answer.toString());
        assertTrue(answer.body().contains("2026-04-31") && answer.body().contains("violations"), answer.body());
        Api.Response notXml = send("{\"not\":\"xml\"}", PROVIDER);
        assertEquals(400, notXml.status(), notXml.toString());
    }

    @Test
    void messageOfAnotherProviderIsRefusedAndMessagesForAccessServiceAreNotReceivedHere() {
        String xml = StandardFiles.example("JW305.xml").replace("<jw305:Identificatie>123456789012<",
                "<jw305:Identificatie>STRANGER0001<");
        Api.Response stranger = send(xml, "12345678");
        assertEquals(403, stranger.status(), stranger.toString());
        assertTrue(stranger.isProblem());

        Api.Response request = send(StandardFiles.example("JW317.xml"), PROVIDER);
        assertEquals(422, request.status(), request.toString());
        assertTrue(request.body().contains("access-service"), request.body());
    }
}
