package nl.regioinkoop.provider.allocation;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.access.AllocationIssued;
import nl.regioinkoop.events.contracting.ContractSigned;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.provider.Fixtures;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class CareReportsIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    @Inject
    EventJson json;
    Api api;
    Fixtures fixtures;
    final String agb = Fixtures.randomAgb();
    ContractSigned contract;

    @Override
    protected String databaseName() {
        return "provider";
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURL().toString());
        fixtures = new Fixtures(json);
        contract = fixtures.contractSigned(agb);
        fixtures.publishContract(contract);
    }

    private UUID replicatedAllocation() {
        AllocationIssued issued = fixtures.allocationIssued(agb, contract.contractId(), 100);
        fixtures.publishAllocation(issued);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/allocations/" + issued.allocationId(), tokens.provider(agb)).status() == 200);
        return issued.allocationId();
    }

    private static String daysAgo(int days) {
        return LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(days).toString();
    }

    @Test
    void careStartedAndStoppedReachTheReportsTopic() {
        UUID id = replicatedAllocation();
        Api.Response started = api.post("/api/v1/allocations/" + id + "/start", tokens.provider(agb),
                "{\"startDate\":\"" + daysAgo(20) + "\"}");
        assertEquals(200, started.status(), started.toString());
        assertEquals(daysAgo(20), started.json().get("careStartedOn"));

        Api.Response stopped = api.post("/api/v1/allocations/" + id + "/stop", tokens.provider(agb),
                "{\"stopDate\":\"" + daysAgo(2) + "\",\"reasonCode\":\"33\"}");
        assertEquals(200, stopped.status(), stopped.toString());
        assertEquals("33", stopped.json().get("stopReason"));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<TopicReader.Message> messages = TopicReader.readAll(Infra.kafkaBootstrapServers(), Topics.PROVIDER_REPORTS_V1);
            return messages.stream().anyMatch(m -> "CareStarted".equals(m.type()) && m.key().equals(id.toString())
                    && m.value().contains("\"startDate\":\"" + daysAgo(20) + "\""))
                    && messages.stream().anyMatch(m -> "CareStopped".equals(m.type()) && m.key().equals(id.toString())
                    && m.value().contains("\"reasonCode\":\"33\""));
        });
    }

    @Test
    void anotherProviderCannotReportOnTheAllocationAndNothingChanges() {
        UUID id = replicatedAllocation();
        String other = Fixtures.randomAgb();
        Api.Response refused = api.post("/api/v1/allocations/" + id + "/start", tokens.provider(other),
                "{\"startDate\":\"" + daysAgo(3) + "\"}");
        assertEquals(403, refused.status(), refused.toString());
        assertTrue(refused.isProblem());
        assertEquals(403, api.get("/api/v1/allocations/" + id, tokens.provider(other)).status());
        assertNull(api.get("/api/v1/allocations/" + id, tokens.provider(agb)).json().get("careStartedOn"));
        assertEquals(403, api.post("/api/v1/allocations/" + id + "/start", tokens.accessOfficer("0988"),
                "{\"startDate\":\"" + daysAgo(3) + "\"}").status());
    }

    @Test
    void stopNeedsAStartAJz588ReasonAndADateAfterTheStart() {
        UUID id = replicatedAllocation();
        Api.Response notStarted = api.post("/api/v1/allocations/" + id + "/stop", tokens.provider(agb),
                "{\"stopDate\":\"" + daysAgo(1) + "\",\"reasonCode\":\"31\"}");
        assertEquals(422, notStarted.status(), notStarted.toString());
        assertTrue(notStarted.body().contains("care-not-started"), notStarted.body());

        api.post("/api/v1/allocations/" + id + "/start", tokens.provider(agb), "{\"startDate\":\"" + daysAgo(10) + "\"}");
        Api.Response badReason = api.post("/api/v1/allocations/" + id + "/stop", tokens.provider(agb),
                "{\"stopDate\":\"" + daysAgo(1) + "\",\"reasonCode\":\"07\"}");
        assertEquals(400, badReason.status(), badReason.toString());
        assertTrue(badReason.body().contains("JZ588"), badReason.body());

        Api.Response beforeStart = api.post("/api/v1/allocations/" + id + "/stop", tokens.provider(agb),
                "{\"stopDate\":\"" + daysAgo(11) + "\",\"reasonCode\":\"31\"}");
        assertEquals(422, beforeStart.status(), beforeStart.toString());

        Api.Response twice = api.post("/api/v1/allocations/" + id + "/start", tokens.provider(agb),
                "{\"startDate\":\"" + daysAgo(9) + "\"}");
        assertEquals(409, twice.status(), twice.toString());
    }

    @Test
    void anOutcomeIsReportedOnceAfterCareEnded() {
        UUID id = replicatedAllocation();
        String outcome = "{\"goalRealised\":\"PARTLY\",\"satisfaction\":8}";
        Api.Response tooEarly = api.post("/api/v1/allocations/" + id + "/outcome", tokens.provider(agb), outcome);
        assertEquals(422, tooEarly.status(), tooEarly.toString());
        assertTrue(tooEarly.body().contains("allocation-not-ended"), tooEarly.body());

        fixtures.publishAllocation(fixtures.allocationEnded(id, agb, LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(1)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/allocations/" + id, tokens.provider(agb)).json().get("endedOn") != null);

        assertEquals(400, api.post("/api/v1/allocations/" + id + "/outcome", tokens.provider(agb),
                "{\"goalRealised\":\"MAYBE\",\"satisfaction\":11}").status());
        Api.Response reported = api.post("/api/v1/allocations/" + id + "/outcome", tokens.provider(agb), outcome);
        assertEquals(200, reported.status(), reported.toString());
        assertEquals(409, api.post("/api/v1/allocations/" + id + "/outcome", tokens.provider(agb), outcome).status());
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader
                .readAll(Infra.kafkaBootstrapServers(), Topics.PROVIDER_REPORTS_V1).stream()
                .anyMatch(m -> "OutcomeReported".equals(m.type()) && m.key().equals(id.toString())
                        && m.value().contains("\"goalRealised\":\"PARTLY\"") && m.value().contains("\"satisfaction\":8")));
    }

    @Test
    void aWaitingTimeIsReportedOnceAndPublished() {
        UUID id = replicatedAllocation();
        String body = "{\"allocationId\":\"" + id + "\",\"requestDate\":\"" + daysAgo(40) + "\",\"startDate\":\""
                + daysAgo(12) + "\"}";
        Api.Response reported = api.post("/api/v1/waiting-times", tokens.provider(agb), body);
        assertEquals(200, reported.status(), reported.toString());
        assertEquals(28, ((Number) reported.json().get("waitingDays")).intValue());
        assertEquals(409, api.post("/api/v1/waiting-times", tokens.provider(agb), body).status());
        assertEquals(403, api.post("/api/v1/waiting-times", tokens.provider(Fixtures.randomAgb()), body).status());
        assertEquals(422, api.post("/api/v1/waiting-times", tokens.provider(agb), "{\"allocationId\":\"" + id
                + "\",\"requestDate\":\"" + daysAgo(5) + "\",\"startDate\":\"" + daysAgo(6) + "\"}").status());
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader
                .readAll(Infra.kafkaBootstrapServers(), Topics.PROVIDER_REPORTS_V1).stream()
                .anyMatch(m -> "WaitingTimeReported".equals(m.type()) && m.key().equals(id.toString())
                        && m.value().contains("\"waitingDays\":28")));
    }

    @Test
    void aProviderListsOnlyItsOwnAllocations() {
        UUID id = replicatedAllocation();
        Api.Response own = api.get("/api/v1/allocations?size=500", tokens.provider(agb));
        assertEquals(200, own.status(), own.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> content = (List<Map<String, Object>>) own.json().get("content");
        assertTrue(content.stream().anyMatch(a -> id.toString().equals(a.get("allocationId"))));
        assertTrue(content.stream().allMatch(a -> agb.equals(a.get("providerAgb"))));
        Api.Response other = api.get("/api/v1/allocations", tokens.provider(Fixtures.randomAgb()));
        assertEquals(0, ((Number) other.json().get("totalSize")).intValue(), other.body());
    }
}
