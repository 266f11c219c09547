package nl.regioinkoop.provider.registry;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ProviderRegistrationIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    @Inject
    Providers providers;
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
    void registeringAProviderPublishesProviderRegistered() {
        String agb = randomAgb();
        Api.Response created = api.post("/api/v1/providers", tokens.procurementOfficer("MLW"),
                "{\"agbCode\":\"" + agb + "\",\"kvkNumber\":\"12345678\",\"name\":\"Jeugdzorg Weert\",\"kind\":\"YOUTH_CARE\"}");

        assertEquals(201, created.status(), created.toString());
        assertEquals(agb, created.json().get("agbCode"));
        await().atMost(Duration.ofSeconds(20)).until(() -> TopicReader
                .readAll(Infra.kafkaBootstrapServers(), Topics.PROVIDERS_V1).stream()
                .anyMatch(m -> "ProviderRegistered".equals(m.type()) && m.value().contains("\"agbCode\":\"" + agb + "\"")
                        && m.value().contains("\"kind\":\"YOUTH_CARE\"")));
    }

    @Test
    void anInvalidAgbCodeIsRefusedWithProblemJsonAndNothingIsStored() {
        long before = providers.count();
        Api.Response refused = api.post("/api/v1/providers", tokens.procurementOfficer("MLW"),
                "{\"agbCode\":\"1234\",\"kvkNumber\":\"12345678\",\"name\":\"Te kort\",\"kind\":\"YOUTH_CARE\"}");

        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.isProblem(), refused.contentType());
        assertTrue(refused.body().contains("AGB code of 8 digits"), refused.body());
        assertEquals(before, providers.count());
    }

    @Test
    void anUnknownKindIsRefusedWithProblemJson() {
        Api.Response refused = api.post("/api/v1/providers", tokens.procurementOfficer("MLW"),
                "{\"agbCode\":\"" + randomAgb() + "\",\"kvkNumber\":\"12345678\",\"name\":\"X\",\"kind\":\"BAKERY\"}");
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.isProblem(), refused.contentType());
    }

    @Test
    void aSecondRegistrationOfTheSameAgbCodeConflicts() {
        String agb = randomAgb();
        String body = "{\"agbCode\":\"" + agb + "\",\"kvkNumber\":\"12345678\",\"name\":\"Dubbel\",\"kind\":\"WMO\"}";
        assertEquals(201, api.post("/api/v1/providers", tokens.procurementOfficer("MLW"), body).status());
        Api.Response again = api.post("/api/v1/providers", tokens.procurementOfficer("MLW"), body);
        assertEquals(409, again.status(), again.toString());
        assertTrue(again.isProblem());
    }

    @Test
    void onlyTheProcurementOfficeRegistersProviders() {
        String body = "{\"agbCode\":\"" + randomAgb() + "\",\"kvkNumber\":\"12345678\",\"name\":\"X\",\"kind\":\"WMO\"}";
        Api.Response asProvider = api.post("/api/v1/providers", tokens.provider("12345678"), body);
        assertEquals(403, asProvider.status(), asProvider.toString());
        assertTrue(asProvider.isProblem(), asProvider.toString());

        Api.Response anonymous = api.post("/api/v1/providers", null, body);
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertTrue(anonymous.isProblem(), anonymous.toString());
    }

    @Test
    void theRegistryIsReadAPageAtATime() {
        api.post("/api/v1/providers", tokens.procurementOfficer("MLW"),
                "{\"agbCode\":\"" + randomAgb() + "\",\"kvkNumber\":\"12345678\",\"name\":\"Lijst\",\"kind\":\"LVB\"}");
        Api.Response page = api.get("/api/v1/providers?size=1", tokens.regionAnalyst("MLW"));
        assertEquals(200, page.status(), page.toString());
        assertEquals(1, ((List<?>) page.json().get("content")).size(), page.body());
        assertTrue(((Number) page.json().get("totalSize")).longValue() >= 1, page.body());
    }

    static String randomAgb() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(1, 99_999_999));
    }
}
