package nl.regioinkoop.access.allocation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.access.AccessApi;
import nl.regioinkoop.access.Contracts;
import nl.regioinkoop.access.Fixtures;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static nl.regioinkoop.access.AccessApi.allocationJson;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AllocationIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    @Inject
    EventJson json;
    @Inject
    Allocations allocations;
    @Inject
    JdbcOperations jdbc;
    Api api;
    AccessApi access;
    Contracts contracts;
    String budgetLine;

    @Override
    protected String databaseName() {
        return "access";
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURL().toString());
        access = new AccessApi(api, tokens);
        contracts = new Contracts(json);
        budgetLine = access.budget("0988", 2027, "AMBULANT", 1_000_000_000L);
    }

    @Test
    void issuesAPxqAllocationToAnEligibleProviderCommittingTariffTimesVolume() {
        String agb = Contracts.randomAgb();
        String product = Contracts.randomProductCode();
        contracts.registerProvider(agb);
        contracts.signPxq(agb, product, 8_500, "0988");
        String referral = access.triagedReferral("0988");
        access.awaitEligible("0988", referral, product, agb, "2027-01-04");
        long committedBefore = committed(budgetLine);

        Api.Response issued = api.post("/api/v1/allocations", tokens.accessOfficer("0988"),
                allocationJson(referral, agb, product, 2, "04", "2", "2027-01-04", "2027-03-28"));
        assertEquals(201, issued.status(), issued.toString());
        assertTrue(issued.contentType().startsWith("application/json"));
        Map<String, Object> allocation = issued.json();
        String id = (String) allocation.get("id");
        assertEquals(24 * 8_500L, ((Number) allocation.get("expectedCostCents")).longValue());
        assertEquals("AMBULANT", allocation.get("budgetLine"));
        assertTrue(((String) allocation.get("eligibleProviders")).contains(agb));
        assertEquals(committedBefore + 24 * 8_500L, committed(budgetLine));
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(Infra.kafkaBootstrapServers(),
                Topics.ALLOCATIONS_V1).stream().anyMatch(m -> "AllocationIssued".equals(m.type()) && m.key().equals(id)
                && m.value().contains("\"committedCents\":204000") && m.value().contains("\"clientPseudonym\"")));
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(Infra.kafkaBootstrapServers(),
                Topics.BUDGETS_V1).stream().anyMatch(m -> "BudgetCommitted".equals(m.type())
                && m.value().contains("\"allocationId\":\"" + id + "\"") && m.value().contains("\"deltaCents\":204000")));
    }

    @Test
    void anAllocationForAProviderWithoutAValidContractIsRefusedWithTheReasonAndNothingChanges() {
        String agb = Contracts.randomAgb();
        String product = Contracts.randomProductCode();
        contracts.registerProvider(agb);
        contracts.signPxq(agb, product, 8_500, "0946"); // Nederweert only
        String referral = access.triagedReferral("0988");
        long before = allocations.count();
        long committedBefore = committed(budgetLine);

        await().atMost(Duration.ofSeconds(30)).until(() -> api.post("/api/v1/allocations", tokens.accessOfficer("0988"),
                allocationJson(referral, agb, product, 1, "04", "2", "2027-03-01", "2027-05-31")).status() == 422);
        Api.Response refused = api.post("/api/v1/allocations", tokens.accessOfficer("0988"),
                allocationJson(referral, agb, product, 1, "04", "2", "2027-03-01", "2027-05-31"));
        assertEquals(422, refused.status(), refused.toString());
        assertTrue(refused.isProblem());
        assertEquals("https://regio-inkoop.nl/problems/no-valid-contract", refused.json().get("type"));
        assertEquals("provider " + agb + " holds no contract for product " + product + " in 0988 on 2027-03-01",
                refused.json().get("detail"));
        assertEquals(before, allocations.count());
        assertEquals(committedBefore, committed(budgetLine));
    }

    @Test
    void outputCostsTheTrajectoryPriceAndLumpSumIsRecordedWithoutPerClientCost() {
        String agb = Contracts.randomAgb();
        String output = Contracts.randomProductCode();
        String lumpSum = Contracts.randomProductCode();
        contracts.registerProvider(agb);
        contracts.signOutput(agb, output, "0988");
        contracts.signLumpSum(agb, lumpSum, "0988");
        String referral = access.triagedReferral("0988");
        access.awaitEligible("0988", referral, output, agb, "2027-02-01");
        access.awaitEligible("0988", referral, lumpSum, agb, "2027-02-01");

        Api.Response trajectory = api.post("/api/v1/allocations", tokens.accessOfficer("0988"),
                allocationJson(referral, agb, output, 1, "82", "6", "2027-02-01", "2027-07-31"));
        assertEquals(201, trajectory.status(), trajectory.toString());
        assertEquals(400_000L, ((Number) trajectory.json().get("expectedCostCents")).longValue()); // P3 x intensity 4
        Api.Response lump = api.post("/api/v1/allocations", tokens.accessOfficer("0988"),
                allocationJson(referral, agb, lumpSum, 1, "82", "6", "2027-02-01", "2027-07-31"));
        assertEquals(201, lump.status(), lump.toString());
        assertEquals(0L, ((Number) lump.json().get("expectedCostCents")).longValue());
        assertEquals(0L, ((Number) lump.json().get("committedCents")).longValue());
    }

    @Test
    void extendingCommitsMoreAndEndingOrWithdrawingReleasesTheUnusedPart() {
        String agb = Contracts.randomAgb();
        String product = Contracts.randomProductCode();
        contracts.registerProvider(agb);
        contracts.signPxq(agb, product, 500, "0988");
        String referral = access.triagedReferral("0988");
        access.awaitEligible("0988", referral, product, agb, "2027-01-01");
        long before = committed(budgetLine);
        String id = (String) api.post("/api/v1/allocations", tokens.accessOfficer("0988"),
                allocationJson(referral, agb, product, 2, "04", "1", "2027-01-01", "2027-01-31")).json().get("id");
        assertEquals(before + 31_000, committed(budgetLine));

        Api.Response extended = api.post("/api/v1/allocations/" + id + "/extension", tokens.accessOfficer("0988"),
                "{\"validTo\":\"2027-02-28\",\"reason\":\"verlenging na evaluatie\"}");
        assertEquals(200, extended.status(), extended.toString());
        assertEquals(59_000L, ((Number) extended.json().get("expectedCostCents")).longValue());
        assertEquals(before + 59_000, committed(budgetLine));

        Api.Response badReason = api.post("/api/v1/allocations/" + id + "/end", tokens.accessOfficer("0988"),
                "{\"endDate\":\"2027-01-10\",\"reasonCode\":\"99\"}");
        assertEquals(400, badReason.status(), badReason.toString());
        Api.Response ended = api.post("/api/v1/allocations/" + id + "/end", tokens.accessOfficer("0988"),
                "{\"endDate\":\"2027-01-10\",\"reasonCode\":\"32\"}");
        assertEquals(200, ended.status(), ended.toString());
        assertEquals("ENDED", ended.json().get("status"));
        assertEquals(before + 10_000, committed(budgetLine));
        Api.Response again = api.post("/api/v1/allocations/" + id + "/end", tokens.accessOfficer("0988"),
                "{\"endDate\":\"2027-01-09\",\"reasonCode\":\"32\"}");
        assertEquals(409, again.status(), again.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(Infra.kafkaBootstrapServers(),
                Topics.ALLOCATIONS_V1).stream().anyMatch(m -> "AllocationEnded".equals(m.type()) && m.key().equals(id)
                && m.value().contains("\"reasonCode\":\"32\"") && m.value().contains("\"releasedCents\":49000")));

        String other = (String) api.post("/api/v1/allocations", tokens.accessOfficer("0988"),
                allocationJson(referral, agb, product, 1, "04", "1", "2027-01-01", "2027-01-31")).json().get("id");
        assertEquals(before + 10_000 + 15_500, committed(budgetLine));
        Api.Response withdrawn = api.post("/api/v1/allocations/" + other + "/withdrawal", tokens.accessOfficer("0988"), "{}");
        assertEquals(200, withdrawn.status(), withdrawn.toString());
        assertEquals("WITHDRAWN", withdrawn.json().get("status"));
        assertEquals(before + 10_000, committed(budgetLine));
    }

    @Test
    void answeringAProvidersRequestWithAnAllocationTakesItOffTheOverdueList() {
        String agb = Contracts.randomAgb();
        String product = Contracts.randomProductCode();
        contracts.registerProvider(agb);
        contracts.signPxq(agb, product, 8_000, "0988");
        String request = access.registerRequest("0988", access.registerClient("0988"), agb, "2026-01-09");
        access.triageSpecialist("0988", request, "P3", 4);
        access.awaitEligible("0988", request, product, agb, "2027-01-04");
        assertTrue(api.get("/api/v1/allocation-requests/overdue?size=500", tokens.accessOfficer("0988")).body().contains(request));

        Api.Response issued = api.post("/api/v1/allocations", tokens.accessOfficer("0988"),
                allocationJson(request, agb, product, 1, "04", "2", "2027-01-04", "2027-01-31"));
        assertEquals(201, issued.status(), issued.toString());
        assertFalse(api.get("/api/v1/allocation-requests/overdue?size=500", tokens.accessOfficer("0988")).body().contains(request));
        assertEquals("ALLOCATED", api.get("/api/v1/referrals/" + request, tokens.accessOfficer("0988")).json().get("answer"));
    }

    @Test
    void onlyTheAllocatedProviderReadsTheClientsIdentity() {
        String agb = Contracts.randomAgb();
        String product = Contracts.randomProductCode();
        contracts.registerProvider(agb);
        contracts.signPxq(agb, product, 8_000, "0988");
        String bsn = Fixtures.testBsn();
        String client = (String) api.post("/api/v1/clients", tokens.accessOfficer("0988"),
                Fixtures.registerClientJson(bsn, "0988")).json().get("id");
        String referral = access.registerReferral("0988", client);
        access.triageSpecialist("0988", referral, "P3", 4);
        access.awaitEligible("0988", referral, product, agb, "2027-01-04");
        String id = (String) api.post("/api/v1/allocations", tokens.accessOfficer("0988"),
                allocationJson(referral, agb, product, 1, "04", "2", "2027-01-04", "2027-01-31")).json().get("id");

        Api.Response identity = api.get("/api/v1/allocations/" + id + "/client", tokens.provider(agb));
        assertEquals(200, identity.status(), identity.toString());
        assertEquals(bsn, identity.json().get("bsn"));
        assertEquals("2012-04-03", identity.json().get("birthDate"));
        Api.Response otherProvider = api.get("/api/v1/allocations/" + id + "/client", tokens.provider("99999999"));
        assertEquals(404, otherProvider.status());
        assertFalse(otherProvider.body().contains(bsn));
        assertEquals(403, api.get("/api/v1/allocations/" + id + "/client", tokens.accessOfficer("0988")).status());
        assertEquals(1L, count("select count(*) from audit_log where object_id = '" + id
                + "' and action = 'READ_CLIENT_IDENTITY' and result = 'OK' and tenant = '" + agb + "'"));
        assertEquals(1L, count("select count(*) from audit_log where object_id = '" + id
                + "' and action = 'READ_CLIENT_IDENTITY' and result = 'DENIED' and tenant = '99999999'"));
        assertTrue(TopicReader.readAll(Infra.kafkaBootstrapServers(), Topics.ALLOCATIONS_V1).stream()
                .noneMatch(m -> m.value().contains(bsn)), "the BSN never reaches Kafka");
    }

    @Test
    @SuppressWarnings("unchecked")
    void nederweertNeitherSeesNorChangesWeertsAllocations() {
        String agb = Contracts.randomAgb();
        String product = Contracts.randomProductCode();
        contracts.registerProvider(agb);
        contracts.signPxq(agb, product, 8_000, "0988");
        String referral = access.triagedReferral("0988");
        access.awaitEligible("0988", referral, product, agb, "2027-01-04");
        String id = (String) api.post("/api/v1/allocations", tokens.accessOfficer("0988"),
                allocationJson(referral, agb, product, 1, "04", "2", "2027-01-04", "2027-01-31")).json().get("id");

        assertEquals(403, api.get("/api/v1/allocations/" + id, tokens.accessOfficer("0946")).status());
        assertEquals(403, api.get("/api/v1/allocations/" + id, tokens.municipalityAnalyst("0946")).status());
        assertEquals(200, api.get("/api/v1/allocations/" + id, tokens.municipalityAnalyst("0988")).status());
        assertEquals(403, api.post("/api/v1/allocations/" + id + "/withdrawal", tokens.accessOfficer("0946"), "{}").status());
        assertEquals(403, api.post("/api/v1/allocations/" + id + "/withdrawal", tokens.municipalityAnalyst("0988"), "{}").status());
        assertEquals(403, api.post("/api/v1/allocations", tokens.accessOfficer("0946"),
                allocationJson(referral, agb, product, 1, "04", "2", "2027-01-04", "2027-01-31")).status());
        List<Map<String, Object>> nederweerts = (List<Map<String, Object>>) api.get("/api/v1/allocations?size=500",
                tokens.accessOfficer("0946")).json().get("content");
        assertTrue(nederweerts.stream().noneMatch(a -> id.equals(a.get("id"))));
    }

    @Test
    void aVolumeNoBudgetCouldHoldAndAProductCodeThatIsNoCodeAreRefusedAs400AndNothingChanges() {
        String agb = Contracts.randomAgb();
        String product = Contracts.randomProductCode();
        contracts.registerProvider(agb);
        contracts.signPxq(agb, product, 8_500, "0988");
        String referral = access.triagedReferral("0988");
        access.awaitEligible("0988", referral, product, agb, "2027-01-04");
        long before = allocations.count();
        long committedBefore = committed(budgetLine);

        Api.Response huge = api.post("/api/v1/allocations", tokens.accessOfficer("0988"),
                allocationJson(referral, agb, product, Long.MAX_VALUE, "04", "6", "2027-01-04", "2027-03-28"));
        assertEquals(400, huge.status(), huge.toString());
        assertTrue(huge.isProblem());
        String id = (String) api.post("/api/v1/allocations", tokens.accessOfficer("0988"),
                allocationJson(referral, agb, product, 1, "04", "6", "2027-01-04", "2027-03-28")).json().get("id");
        Api.Response grown = api.post("/api/v1/allocations/" + id + "/change", tokens.accessOfficer("0988"),
                "{\"volume\":" + Long.MAX_VALUE + "}");
        assertEquals(400, grown.status(), grown.toString());
        assertEquals(before + 1, allocations.count());
        assertEquals(committedBefore + 8_500, committed(budgetLine));

        Api.Response injected = api.get("/api/v1/referrals/" + referral + "/eligible-providers?productCode="
                + "45A48%27%20or%20%271%27%3D%271", tokens.accessOfficer("0988"));
        assertEquals(400, injected.status(), injected.toString());
        assertTrue(injected.isProblem());
    }

    long committed(String lineId) {
        return ((Number) api.get("/api/v1/budgets/" + lineId, tokens.accessOfficer("0988")).json().get("committedCents")).longValue();
    }

    private long count(String sql) {
        return jdbc.execute(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
