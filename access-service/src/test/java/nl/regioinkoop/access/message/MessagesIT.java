package nl.regioinkoop.access.message;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.access.AccessApi;
import nl.regioinkoop.access.Contracts;
import nl.regioinkoop.access.allocation.AllocationNumbers;
import nl.regioinkoop.events.contracting.ConsortiumMember;
import nl.regioinkoop.events.contracting.ContractProduct;
import nl.regioinkoop.events.contracting.ContractSigned;
import nl.regioinkoop.events.contracting.ContractTerms;
import nl.regioinkoop.events.contracting.Tariff;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.istandaarden.AllocatedProduct;
import nl.regioinkoop.istandaarden.AllocationMessage;
import nl.regioinkoop.istandaarden.AllocationMessages;
import nl.regioinkoop.istandaarden.MessageSchemas;
import nl.regioinkoop.istandaarden.MessageType;
import nl.regioinkoop.istandaarden.RequestAnswer;
import nl.regioinkoop.istandaarden.RequestAnswerMessages;
import nl.regioinkoop.istandaarden.Validation;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standard's example messages against access-service, for the municipality, client and providers they name
 * (Diemen 0384, BSN 999900006, AGB 65656055 and 42420001), with contracts, budget and an allocation numbered 10071
 * set up through events and the API; every message the service produces is checked against its XSD.
 */
@MicronautTest(transactional = false)
class MessagesIT extends RealInfrastructure {
    static final String DIEMEN = "0384";
    static final String BSN = "999900006";
    static final String PROVIDER = "65656055";
    static final String REQUESTING = "42420001";
    static final String SEGMENT = "CATEGORY_B";
    static final Map<String, String> XML = Map.of("Accept", "application/xml");

    @Inject
    EmbeddedServer server;
    @Inject
    EventJson json;
    Api api;
    AccessApi access;
    MessageSchemas schemas;
    String clientId;
    String allocation10071;

    @Override
    protected String databaseName() {
        return "access";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("istandaarden.schema-dir", StandardFiles.directory().toString(), "micronaut.server.port", "-1");
    }

    @BeforeAll
    void setUpDiemenAsTheExamplesNameIt() throws SQLException {
        api = new Api(server.getURL().toString());
        access = new AccessApi(api, tokens);
        schemas = new MessageSchemas(StandardFiles.directory());
        Contracts contracts = new Contracts(json);
        contracts.registerProvider(PROVIDER);
        contracts.registerProvider(REQUESTING);
        List<Tariff> hourly = List.of(new Tariff(null, null, null, 1250, Contracts.FROM, Contracts.TO, 0));
        ContractTerms terms = new ContractTerms(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "AMS",
                PROVIDER, List.of(new ConsortiumMember(PROVIDER, "LEAD", 10_000)), "OPEN_HOUSE", SEGMENT,
                List.of(DIEMEN), List.of(new ContractProduct("45", "45A03", SEGMENT, "PXQ", "04", hourly),
                new ContractProduct("45", "45A04", SEGMENT, "PXQ", "04", hourly),
                new ContractProduct("02", "02A01", SEGMENT, "PXQ", "04", hourly)),
                Contracts.FROM, Contracts.TO, Contracts.TO.plusYears(2), 3, null, null, "ACTIVE");
        contracts.publish(Topics.CONTRACTS_V1, new ContractSigned(UUID.randomUUID(), Instant.now(), terms.contractId(),
                terms));
        api.post("/api/v1/budgets", tokens.accessOfficer(DIEMEN), "{\"municipalityCode\":\"" + DIEMEN
                + "\",\"year\":2026,\"line\":\"" + SEGMENT + "\",\"amountCents\":100000000}");
        Api.Response client = api.post("/api/v1/clients", tokens.accessOfficer(DIEMEN), "{\"bsn\":\"" + BSN
                + "\",\"name\":\"Tom de Wit\",\"birthDate\":\"2010-02-14\",\"municipalityCode\":\"" + DIEMEN + "\"}");
        clientId = (String) (client.status() == 201 ? client.json().get("id") : client.json().get("clientId"));
        // the example JW317 names allocation 10071 as unchanged: the next number the sequence hands out
        try (Connection c = DriverManager.getConnection(Infra.postgresDatabase("access"), Infra.postgres().user(),
                Infra.postgres().password()); ResultSet rs = c.createStatement().executeQuery(
                "select setval('allocation_number_seq', 10070)")) {
            rs.next();
        }
        allocation10071 = allocate("45A03", 4);
        assertEquals(10071, AllocationNumbers.of(UUID.fromString(allocation10071)),
                "the allocation the example JW317 names; this test needs a fresh access database");
    }

    private String allocate(String product, long hours) {
        String referral = access.registerReferral(DIEMEN, clientId);
        access.triageSpecialistIn(SEGMENT, DIEMEN, referral, "P3", 3);
        access.awaitEligible(DIEMEN, referral, product, PROVIDER, "2026-04-01");
        Api.Response issued = api.post("/api/v1/allocations", tokens.accessOfficer(DIEMEN), AccessApi.allocationJson(
                referral, PROVIDER, product, hours, "04", "2", "2026-04-01", "2026-07-14"));
        assertEquals(201, issued.status(), issued.toString());
        return (String) issued.json().get("id");
    }

    private Api.Response message(String allocationId, String agb) {
        return api.send("GET", "/api/v1/allocations/" + allocationId + "/message", tokens.provider(agb), null, null, XML);
    }

    private Api.Response post(String xml, String agb) {
        return api.send("POST", "/api/v1/messages", tokens.provider(agb), "application/xml", xml, XML);
    }

    private void assertValid(MessageType type, Api.Response answer) {
        assertEquals(200, answer.status(), answer.toString());
        assertTrue(answer.contentType().startsWith("application/xml"), answer.toString());
        Validation validation = schemas.validate(answer.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(type, validation.type());
        assertEquals(List.of(), validation.violations(), answer.body());
    }

    private String firstId(String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(Infra.postgresDatabase("access"), Infra.postgres().user(),
                Infra.postgres().password()); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        }
    }

    private int count(String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(Infra.postgresDatabase("access"), Infra.postgres().user(),
                Infra.postgres().password()); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void allocationIsAValidJw301ForItsProviderOnlyCarryingTheBsnAndAuditLogged() throws SQLException {
        Api.Response answer = message(allocation10071, PROVIDER);
        assertValid(MessageType.JW301, answer);
        AllocationMessage read = new AllocationMessages(schemas).read(answer.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(DIEMEN, read.header().sender());
        assertEquals(PROVIDER, read.header().receiver());
        assertEquals(BSN, read.client().bsn());
        assertEquals(LocalDate.of(2010, 2, 14), read.client().birthDate());
        assertEquals("Wit", read.client().name().surname());
        assertEquals("de", read.client().name().prefix());
        AllocatedProduct product = read.products().get(0);
        assertEquals(10071, product.allocationNumber());
        assertEquals("45", product.product().category());
        assertEquals("45A03", product.product().code());
        assertEquals(LocalDate.of(2026, 4, 1), product.startDate());
        assertEquals(LocalDate.of(2026, 7, 14), product.endDate());
        assertEquals(4, product.extent().volume());
        assertEquals("04", product.extent().unit());
        assertEquals("2", product.extent().frequency());
        assertNull(product.changeReason());

        Api.Response stranger = message(allocation10071, "12345678");
        assertEquals(404, stranger.status(), stranger.toString());
        assertTrue(stranger.isProblem());
        Api.Response officer = api.send("GET", "/api/v1/allocations/" + allocation10071 + "/message",
                tokens.accessOfficer(DIEMEN), null, null, XML);
        assertEquals(403, officer.status(), officer.toString());
        assertEquals(1, count("select count(*) from audit_log where object_id = ? and action = "
                + "'READ_ALLOCATION_MESSAGE' and result = 'OK' and tenant = ?", allocation10071, PROVIDER));
        assertEquals(1, count("select count(*) from audit_log where object_id = ? and action = "
                + "'READ_ALLOCATION_MESSAGE' and result = 'DENIED'", allocation10071));
    }

    @Test
    void changedAndWithdrawnAllocationsAreResentWithTheirReasonOfChange() {
        String id = allocate("45A04", 2);
        Api.Response changed = api.post("/api/v1/allocations/" + id + "/change", tokens.accessOfficer(DIEMEN),
                "{\"volume\":3}");
        assertEquals(200, changed.status(), changed.toString());
        Api.Response more = message(id, PROVIDER);
        assertValid(MessageType.JW301, more);
        AllocatedProduct product = new AllocationMessages(schemas).read(more.body().getBytes(StandardCharsets.UTF_8))
                .products().get(0);
        assertEquals("04", product.changeReason(), "reassessed: more");
        assertEquals(3, product.extent().volume());

        Api.Response withdrawn = api.post("/api/v1/allocations/" + id + "/withdrawal", tokens.accessOfficer(DIEMEN), "{}");
        assertEquals(200, withdrawn.status(), withdrawn.toString());
        Api.Response gone = message(id, PROVIDER);
        assertValid(MessageType.JW301, gone);
        product = new AllocationMessages(schemas).read(gone.body().getBytes(StandardCharsets.UTF_8)).products().get(0);
        assertEquals("13", product.changeReason(), "withdrawn: deleted");
        assertEquals(LocalDate.of(2026, 7, 14), product.endDate(), "withdrawn after its end: the end stands");
    }

    @Test
    void wmoAllocationIsAValidWmo301() {
        Api.Response answer = message(allocate("02A01", 6), PROVIDER);
        assertValid(MessageType.WMO301, answer);
        assertEquals("02", new AllocationMessages(schemas).read(answer.body().getBytes(StandardCharsets.UTF_8))
                .products().get(0).product().category());
    }

    @Test
    void exampleRequestForAllocationIsRegisteredOnceAndItsRejectionIsAValidJw319() throws SQLException {
        String example = StandardFiles.example("JW315.xml");
        Api.Response invalid = post(example, REQUESTING);
        assertEquals(400, invalid.status(), invalid.toString());
        assertTrue(invalid.isProblem() && invalid.body().contains("2027-06-31"), invalid.body());
        assertEquals(0, count("select count(*) from referral where requesting_provider_agb = ?", REQUESTING),
                "an invalid message changes nothing");

        String corrected = example.replace("2027-06-31", "2027-06-30");
        Api.Response answer = post(corrected, REQUESTING);
        assertValid(MessageType.JW316, answer);
        assertEquals(List.of(List.of("0200"), List.of("0200")),
                StandardFiles.returnCodes(answer.body(), "AangevraagdProduct"));
        assertEquals(2, count("select count(*) from referral where requesting_provider_agb = ? and municipality_code = ?"
                + " and answer_deadline is not null", REQUESTING, DIEMEN));

        Api.Response again = post(corrected, REQUESTING);
        assertEquals(answer.body(), again.body(), "the same message again gets the same answer");
        assertEquals(2, count("select count(*) from referral where requesting_provider_agb = ?", REQUESTING));
        Api.Response reused = post(corrected.replace("Client Commentaar", "Ander commentaar"), REQUESTING);
        assertValid(MessageType.JW316, reused);
        assertTrue(reused.body().contains(">9056<"), reused.body());

        String request = firstId("select id from referral where requesting_provider_agb = ?", REQUESTING);
        Api.Response pending = api.send("GET", "/api/v1/allocation-requests/" + request + "/message",
                tokens.provider(REQUESTING), null, null, XML);
        assertEquals(409, pending.status(), pending.toString());
        Api.Response rejected = api.post("/api/v1/allocation-requests/" + request + "/rejection",
                tokens.accessOfficer(DIEMEN), "{\"reasonCode\":\"3\"}");
        assertEquals(200, rejected.status(), rejected.toString());
        Api.Response no = api.send("GET", "/api/v1/allocation-requests/" + request + "/message",
                tokens.provider(REQUESTING), null, null, XML);
        assertValid(MessageType.JW319, no);
        RequestAnswer read = new RequestAnswerMessages(schemas).read(no.body().getBytes(StandardCharsets.UTF_8));
        assertTrue(List.of("40A12341234", "40A12341235").contains(read.providerReference()), read.toString());
        assertEquals("3", read.rejectionReason());
        assertEquals(REQUESTING, read.header().receiver());
        Api.Response stranger = api.send("GET", "/api/v1/allocation-requests/" + request + "/message",
                tokens.provider(PROVIDER), null, null, XML);
        assertEquals(404, stranger.status(), stranger.toString());
    }

    @Test
    void exampleRequestForChangeIsRegisteredAndAValidJw318AndTheWmoOneIsAnsweredAsJson() throws SQLException {
        Api.Response answer = post(StandardFiles.example("JW317.xml"), PROVIDER);
        assertValid(MessageType.JW318, answer);
        assertEquals(List.of(List.of("0200")), StandardFiles.returnCodes(answer.body(), "OngewijzigdProduct"),
                "10071 is the client's current allocation at this provider");
        assertEquals(List.of(List.of("0200")), StandardFiles.returnCodes(answer.body(), "NieuwProduct"));
        assertEquals(1, count("select count(*) from referral where requesting_provider_agb = ? and question like "
                + "'Request for change (JW317 987654321, provider reference 9003%unchanged [10071]%45A03%'", PROVIDER));

        String other = "23456789";
        Api.Response unknown = post(StandardFiles.example("JW317.xml").replace(">" + PROVIDER + "<", ">" + other + "<"),
                other);
        assertValid(MessageType.JW318, unknown);
        assertEquals(List.of(List.of("9350")), StandardFiles.returnCodes(unknown.body(), "OngewijzigdProduct"),
                "10071 is not this provider's allocation");
        assertEquals(0, count("select count(*) from referral where requesting_provider_agb = ?", other),
                "a request with a refused line is not taken into handling");

        // WMO318's XSD is absent: the return codes come as JSON; a request of this provider is pending (9374)
        Api.Response wmo = post(StandardFiles.example("WMO317.xml"), PROVIDER);
        assertEquals(200, wmo.status(), wmo.toString());
        assertTrue(wmo.contentType().startsWith("application/json"), wmo.toString());
        assertEquals("WMO318", wmo.json().get("returnMessageType"));
        assertEquals(List.of("9374"), wmo.json().get("messageCodes"));
    }

    @Test
    void allocationAnsweringARequestCarriesTheProvidersReference() throws SQLException {
        String request = StandardFiles.example("JW315.xml").replace("2027-06-31", "2026-07-14")
                .replace(">" + REQUESTING + "<", ">" + PROVIDER + "<").replace(">123456789012<", ">REQ45A04<")
                .replace(">55A11<", ">45A04<").replace("<ijw:Categorie>55<", "<ijw:Categorie>45<")
                .replace(">40A12341234<", ">REF-45A04-1<")
                .replaceFirst("(?s)</jw315:AangevraagdProduct>\\s*<jw315:AangevraagdProduct>.*?</jw315:AangevraagdProduct>",
                        "</jw315:AangevraagdProduct>");
        assertValid(MessageType.JW316, post(request, PROVIDER));
        String referral = firstId("select id from referral where requesting_provider_agb = ? and question like ?",
                PROVIDER, "%REF-45A04-1%");
        access.triageSpecialistIn(SEGMENT, DIEMEN, referral, "P3", 3);
        Api.Response issued = api.post("/api/v1/allocations", tokens.accessOfficer(DIEMEN), AccessApi.allocationJson(
                referral, PROVIDER, "45A04", 2, "04", "2", "2026-04-01", "2026-07-14"));
        assertEquals(201, issued.status(), issued.toString());
        Api.Response answer = message((String) issued.json().get("id"), PROVIDER);
        assertValid(MessageType.JW301, answer);
        assertEquals("REF-45A04-1", new AllocationMessages(schemas).read(answer.body().getBytes(StandardCharsets.UTF_8))
                .products().get(0).providerReference());
    }

    @Test
    void wmo315IsValidatedAgainstItsSchemaAndAnsweredAsJsonWithoutAWmo316Schema() throws SQLException {
        // its own sender, so the JW315 test's count of the example sender's requests stays its own
        String sender = "42420077";
        Api.Response answer = post(StandardFiles.example("WMO315.xml").replace(">42420001<", ">" + sender + "<"),
                sender);
        assertEquals(200, answer.status(), answer.toString());
        assertEquals("WMO316", answer.json().get("returnMessageType"), answer.body());
        assertTrue(count("select count(*) from referral where requesting_provider_agb = ?", sender) > 0,
                "the request is registered for the access team");
    }

    @Test
    void messageOfAnotherSenderIsForbiddenAndProviderServiceMessagesAreNotReceivedHere() {
        Api.Response stranger = post(StandardFiles.example("JW317.xml").replace(">987654321<", ">STRANGER<"),
                "12345678");
        assertEquals(403, stranger.status(), stranger.toString());
        Api.Response start = post(StandardFiles.example("JW305.xml"), PROVIDER);
        assertEquals(422, start.status(), start.toString());
        assertTrue(start.body().contains("provider-service"), start.body());
    }

}
