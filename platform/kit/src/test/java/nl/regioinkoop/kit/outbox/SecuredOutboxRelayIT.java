package nl.regioinkoop.kit.outbox;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.events.provider.ProviderRegistered;
import nl.regioinkoop.testkit.EmbeddedKafka;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The relay's own producer logs in like the service's listeners: a broker that takes SASL_SSL only. */
@MicronautTest(transactional = false)
class SecuredOutboxRelayIT extends RealInfrastructure {
    private static EmbeddedKafka secured;

    @Inject
    SampleChanges changes;

    @Override
    protected String databaseName() {
        return "kit_outbox_secured";
    }

    @Override
    protected Map<String, String> extraProperties() {
        try {
            secured = EmbeddedKafka.startSecured();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return secured.clientSettings().micronautProperties();
    }

    @AfterAll
    void stopBroker() {
        secured.close();
    }

    @Test
    void publishesThroughABrokerThatWantsTlsAndALogin() {
        ProviderRegistered event = changes.register(UUID.randomUUID(), "Zorg achter TLS");

        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(secured.clientSettings(),
                SampleChanges.TOPIC).stream().anyMatch(m -> m.value().contains(event.eventId().toString())));
        assertEquals(0, changes.count(
                "select count(*) from outbox where event_id = ? and published_at is null", event.eventId()));
    }
}
