package nl.regioinkoop.monitoring.projection;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.ProviderRegistered;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class ProviderProjectionIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    @Inject
    EventJson json;
    Api api;

    @Override
    protected String databaseName() {
        return "monitoring";
    }

    @BeforeAll
    void client() {
        api = new Api(server.getURL().toString());
    }

    @Test
    void countsAProviderOnceEvenWhenItsEventIsDeliveredTwice() {
        long lvbBefore = providersOfKind("LVB");
        long wmoBefore = providersOfKind("WMO");
        ProviderRegistered lvb = registered("LVB");
        publish(lvb);
        publish(lvb); // redelivered, as after a consumer rebalance or a relay retry
        ProviderRegistered wmo = registered("WMO");
        publish(wmo);

        // same topic: once the later event counts, the duplicate before it on its partition has been read too
        await().atMost(Duration.ofSeconds(30)).until(() -> providersOfKind("WMO") == wmoBefore + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> providersOfKind("LVB") == lvbBefore + 1);
        publish(lvb);
        ProviderRegistered marker = registered("WMO");
        publish(marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> providersOfKind("WMO") == wmoBefore + 2);
        assertEquals(lvbBefore + 1, providersOfKind("LVB"));
    }

    @Test
    void aMunicipalityAnalystReadsTheCountsButAProviderDoesNot() {
        assertEquals(200, api.get("/api/v1/providers/by-kind", tokens.municipalityAnalyst("0988")).status());
        assertEquals(403, api.get("/api/v1/providers/by-kind", tokens.provider("12345678")).status());
        assertEquals(401, api.get("/api/v1/providers/by-kind", null).status());
    }

    private ProviderRegistered registered(String kind) {
        return new ProviderRegistered(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "12345678", "87654321",
                "Aanbieder " + kind, kind);
    }

    private void publish(ProviderRegistered event) {
        // one key for all: one partition, so the order of delivery is the order of publication
        TopicWriter.send(Infra.kafkaBootstrapServers(), Topics.PROVIDERS_V1, "same-partition",
                "ProviderRegistered", json.encode(event));
    }

    private long providersOfKind(String kind) {
        Api.Response response = api.get("/api/v1/providers/by-kind", tokens.regionAnalyst("MLW"));
        assertEquals(200, response.status(), response.toString());
        return response.jsonList().stream().map(o -> (Map<?, ?>) o)
                .filter(m -> kind.equals(m.get("kind")))
                .mapToLong(m -> ((Number) m.get("providers")).longValue())
                .findFirst().orElse(0L);
    }
}
