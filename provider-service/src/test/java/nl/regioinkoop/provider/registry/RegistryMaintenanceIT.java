package nl.regioinkoop.provider.registry;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.provider.Fixtures;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class RegistryMaintenanceIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    Api api;

    @Override
    protected String databaseName() {
        return "provider";
    }

    @BeforeAll
    void client() {
        api = new Api(server.getURL().toString());
    }

    private String registered() {
        String agb = Fixtures.randomAgb();
        Api.Response created = api.post("/api/v1/providers", tokens.procurementOfficer("MLW"),
                "{\"agbCode\":\"" + agb + "\",\"kvkNumber\":\"12345678\",\"name\":\"Zorg " + agb + "\",\"kind\":\"YOUTH_CARE\"}");
        assertEquals(201, created.status(), created.toString());
        return agb;
    }

    @Test
    void anUpdateIsKeptInTheHistoryAndPublished() {
        String agb = registered();
        Api.Response updated = api.put("/api/v1/providers/" + agb, tokens.procurementOfficer("MLW"),
                "{\"kvkNumber\":\"87654321\",\"name\":\"Zorg Weert BV\",\"kind\":\"MIXED\",\"areas\":[\"0988\",\"0946\"],"
                        + "\"capacity\":120,\"reason\":\"merger\"}");
        assertEquals(200, updated.status(), updated.toString());
        assertEquals(List.of("0988", "0946"), updated.json().get("areas"));
        assertEquals(120, ((Number) updated.json().get("capacity")).intValue());

        Api.Response deactivated = api.post("/api/v1/providers/" + agb + "/deactivate", tokens.procurementOfficer("MLW"),
                "{\"reason\":\"bankruptcy\"}");
        assertEquals(200, deactivated.status(), deactivated.toString());
        assertEquals(false, deactivated.json().get("active"));
        assertEquals(409, api.put("/api/v1/providers/" + agb, tokens.procurementOfficer("MLW"),
                "{\"kvkNumber\":\"87654321\",\"name\":\"X\",\"kind\":\"MIXED\",\"areas\":[]}").status());

        List<Object> history = api.get("/api/v1/providers/" + agb + "/history", tokens.regionAnalyst("MLW")).jsonList();
        assertEquals(2, history.size(), history.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) history.get(0);
        assertEquals("UPDATED", first.get("change"));
        assertEquals("merger", first.get("reason"));
        assertEquals("procurement-MLW", first.get("changedBy"));
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader
                .readAll(Infra.kafkaBootstrapServers(), Topics.PROVIDERS_V1).stream()
                .anyMatch(m -> "ProviderUpdated".equals(m.type()) && m.value().contains("\"agbCode\":\"" + agb + "\"")
                        && m.value().contains("\"active\":false")));
    }

    @Test
    void onlyTheProcurementOfficeChangesTheRegistry() {
        String agb = registered();
        String body = "{\"kvkNumber\":\"87654321\",\"name\":\"Eigen naam\",\"kind\":\"MIXED\",\"areas\":[]}";
        assertEquals(403, api.put("/api/v1/providers/" + agb, tokens.provider(agb), body).status());
        assertEquals(403, api.post("/api/v1/providers/" + agb + "/deactivate", tokens.provider(agb),
                "{\"reason\":\"x\"}").status());
        assertEquals(404, api.put("/api/v1/providers/00000000", tokens.procurementOfficer("MLW"), body).status());
        Api.Response invalid = api.put("/api/v1/providers/" + agb, tokens.procurementOfficer("MLW"),
                "{\"kvkNumber\":\"1\",\"name\":\"\",\"kind\":\"MIXED\",\"areas\":[]}");
        assertEquals(400, invalid.status(), invalid.toString());
        assertTrue(invalid.isProblem());
    }

    @Test
    void qualificationsAreKeptWithTheirValidity() {
        String agb = registered();
        Api.Response added = api.post("/api/v1/providers/" + agb + "/qualifications", tokens.procurementOfficer("MLW"),
                "{\"name\":\"HKZ certificaat\",\"issuedBy\":\"HKZ\",\"validFrom\":\"2020-01-01\",\"validTo\":\"2021-12-31\"}");
        assertEquals(201, added.status(), added.toString());
        assertEquals(false, added.json().get("validToday"));
        api.post("/api/v1/providers/" + agb + "/qualifications", tokens.procurementOfficer("MLW"),
                "{\"name\":\"Kwaliteitskader Jeugd\",\"validFrom\":\"2022-01-01\"}");
        assertEquals(400, api.post("/api/v1/providers/" + agb + "/qualifications", tokens.procurementOfficer("MLW"),
                "{\"name\":\"Achterstevoren\",\"validFrom\":\"2022-01-01\",\"validTo\":\"2021-01-01\"}").status());

        List<Object> qualifications = api.get("/api/v1/providers/" + agb + "/qualifications", tokens.provider(agb)).jsonList();
        assertEquals(2, qualifications.size(), qualifications.toString());
        assertTrue(qualifications.toString().contains("validToday=true"), qualifications.toString());
    }

    @Test
    void aConsortiumHasOneLeadAndSharesSummingToTenThousand() {
        String lead = registered();
        String member = registered();
        Api.Response formed = api.post("/api/v1/consortia", tokens.procurementOfficer("MLW"),
                "{\"name\":\"Samen Sterk\",\"members\":[{\"agbCode\":\"" + lead + "\",\"role\":\"LEAD\",\"shareBasisPoints\":7000},"
                        + "{\"agbCode\":\"" + member + "\",\"role\":\"MEMBER\",\"shareBasisPoints\":3000}]}");
        assertEquals(201, formed.status(), formed.toString());
        assertEquals(lead, formed.json().get("leadAgb"));
        String id = (String) formed.json().get("id");
        assertEquals(200, api.get("/api/v1/consortia/" + id, tokens.provider(member)).status());

        Api.Response badShares = api.post("/api/v1/consortia", tokens.procurementOfficer("MLW"),
                "{\"name\":\"Scheef\",\"members\":[{\"agbCode\":\"" + lead + "\",\"role\":\"LEAD\",\"shareBasisPoints\":7000},"
                        + "{\"agbCode\":\"" + member + "\",\"role\":\"MEMBER\",\"shareBasisPoints\":2000}]}");
        assertEquals(422, badShares.status(), badShares.toString());
        assertTrue(badShares.body().contains("sum to 9000"), badShares.body());
        Api.Response unknown = api.post("/api/v1/consortia", tokens.procurementOfficer("MLW"),
                "{\"name\":\"Onbekend\",\"members\":[{\"agbCode\":\"" + lead + "\",\"role\":\"LEAD\",\"shareBasisPoints\":5000},"
                        + "{\"agbCode\":\"00000001\",\"role\":\"MEMBER\",\"shareBasisPoints\":5000}]}");
        assertEquals(422, unknown.status(), unknown.toString());
        assertTrue(unknown.body().contains("00000001"), unknown.body());
        assertEquals(403, api.post("/api/v1/consortia", tokens.provider(lead), "{\"name\":\"x\",\"members\":[]}").status());
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader
                .readAll(Infra.kafkaBootstrapServers(), Topics.PROVIDERS_V1).stream()
                .anyMatch(m -> "ConsortiumFormed".equals(m.type()) && m.key().equals(id)
                        && m.value().contains("\"shareBasisPoints\":7000")));
    }
}
