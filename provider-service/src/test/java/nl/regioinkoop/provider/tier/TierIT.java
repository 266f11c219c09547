package nl.regioinkoop.provider.tier;

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

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class TierIT extends RealInfrastructure {
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

    @Test
    void theProcurementOfficeSetsATierWithAReasonAndTheProviderSeesItsHistory() {
        String agb = Fixtures.randomAgb();
        assertEquals(201, api.post("/api/v1/providers", tokens.procurementOfficer("MLW"),
                "{\"agbCode\":\"" + agb + "\",\"kvkNumber\":\"12345678\",\"name\":\"Tier\",\"kind\":\"WMO\"}").status());
        assertEquals("EVERYONE", api.get("/api/v1/providers/" + agb + "/tier?region=MLW", tokens.provider(agb)).json().get("tier"));

        Api.Response plus = api.put("/api/v1/providers/" + agb + "/tier", tokens.procurementOfficer("MLW"),
                "{\"tier\":\"PLUS_PARTNER\",\"reason\":\"satisfaction 8.4 and no waiting list\"}");
        assertEquals(200, plus.status(), plus.toString());
        api.put("/api/v1/providers/" + agb + "/tier", tokens.procurementOfficer("MLW"),
                "{\"tier\":\"CORE_PARTNER\",\"reason\":\"two good years\"}");
        assertEquals(409, api.put("/api/v1/providers/" + agb + "/tier", tokens.procurementOfficer("MLW"),
                "{\"tier\":\"CORE_PARTNER\",\"reason\":\"again\"}").status());
        assertEquals(400, api.put("/api/v1/providers/" + agb + "/tier", tokens.procurementOfficer("MLW"),
                "{\"tier\":\"GOLD\",\"reason\":\"x\"}").status());

        Api.Response own = api.get("/api/v1/providers/" + agb + "/tier?region=MLW", tokens.provider(agb));
        assertEquals(200, own.status(), own.toString());
        assertEquals("CORE_PARTNER", own.json().get("tier"));
        assertEquals(2, ((List<?>) own.json().get("history")).size());
        assertEquals(200, api.get("/api/v1/providers/" + agb + "/tier", tokens.regionAnalyst("MLW")).status());

        assertEquals(403, api.get("/api/v1/providers/" + agb + "/tier?region=MLW", tokens.provider(Fixtures.randomAgb())).status());
        assertEquals(403, api.get("/api/v1/providers/" + agb + "/tier?region=MLW", tokens.regionAnalyst("HVB")).status());
        assertEquals(403, api.put("/api/v1/providers/" + agb + "/tier", tokens.provider(agb),
                "{\"tier\":\"EVERYONE\",\"reason\":\"self\"}").status());
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader
                .readAll(Infra.kafkaBootstrapServers(), Topics.PROVIDERS_V1).stream()
                .anyMatch(m -> "TierChanged".equals(m.type()) && m.value().contains("\"agbCode\":\"" + agb + "\"")
                        && m.value().contains("\"fromTier\":\"PLUS_PARTNER\"") && m.value().contains("\"toTier\":\"CORE_PARTNER\"")));
    }
}
