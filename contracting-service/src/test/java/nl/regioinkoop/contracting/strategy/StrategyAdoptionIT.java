package nl.regioinkoop.contracting.strategy;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.contracting.Json;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class StrategyAdoptionIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    Api api;

    @Override
    protected String databaseName() {
        return "contracting";
    }

    @BeforeAll
    void client() {
        api = new Api(server.getURL().toString());
    }

    private Api.Response adopt(String round, String risk, String impact, String form, String target) {
        return api.post("/api/v1/strategies", tokens.procurementOfficer("MLW"), """
                {"round":"%s","segment":"residential","supplyRisk":"%s","financialImpact":"%s","fundingModel":"LUMP_SUM",
                 "contractForm":"%s","targetProviders":%s,"goals":["reduce residential beds 20 %% in five years"]}"""
                .formatted(round, risk, impact, form, target));
    }

    @Test
    void derivesTheKraljicQuadrantFromSupplyRiskAndFinancialImpact() {
        String round = UUID.randomUUID().toString().substring(0, 8);
        record Case(String risk, String impact, String quadrant) {
        }
        for (Case c : List.of(new Case("LOW", "LOW", "ROUTINE"), new Case("LOW", "HIGH", "LEVERAGE"),
                new Case("HIGH", "LOW", "BOTTLENECK"), new Case("HIGH", "HIGH", "STRATEGIC"))) {
            Api.Response adopted = adopt(round + c.quadrant(), c.risk(), c.impact(), "PARTNERSHIP", "3");
            assertEquals(201, adopted.status(), adopted.toString());
            assertEquals(c.quadrant(), adopted.json().get("kraljicQuadrant"));
        }
    }

    @Test
    void adoptingAStrategyPublishesStrategyAdopted() {
        Api.Response adopted = adopt("2027", "HIGH", "HIGH", "PARTNERSHIP", "3");
        assertEquals(201, adopted.status(), adopted.toString());
        String id = (String) adopted.json().get("id");
        assertTrue(adopted.contentType().startsWith("application/json"));
        await().atMost(Duration.ofSeconds(20)).until(() -> TopicReader.readAll(Infra.kafkaBootstrapServers(),
                Topics.TENDERS_V1).stream().anyMatch(m -> id.equals(m.key())
                && "StrategyAdopted".equals(Json.map(m.value()).get("type"))
                && "STRATEGIC".equals(Json.map(m.value()).get("kraljicQuadrant"))
                && Integer.valueOf(3).equals(Json.map(m.value()).get("targetProviders"))));

        Api.Response again = adopt("2027", "LOW", "LOW", "SELECTIVE", "5");
        assertEquals(409, again.status(), again.toString());
        assertTrue(again.body().contains("strategy-already-adopted"), again.body());
    }

    @Test
    void aSelectiveStrategyNeedsATargetNumberOfProviders() {
        Api.Response refused = adopt(UUID.randomUUID().toString().substring(0, 8), "MEDIUM", "LOW", "SELECTIVE", "null");
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.isProblem());
        assertTrue(refused.body().contains("targetProviders") && refused.body().contains("LOW or HIGH"), refused.body());
    }

    @Test
    void onlyTheRegionsRolesReadStrategies() {
        assertEquals(200, api.get("/api/v1/strategies", tokens.regionAnalyst("MLW")).status());
        assertEquals(403, api.get("/api/v1/strategies", tokens.provider("12345678")).status());
        Api.Response asAnalyst = api.post("/api/v1/strategies", tokens.regionAnalyst("MLW"), "{}");
        assertEquals(403, asAnalyst.status(), asAnalyst.toString());
    }
}
