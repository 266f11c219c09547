package nl.regioinkoop.kit.outbox;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.events.provider.ProviderRegistered;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OutboxRelayIT extends RealInfrastructure {
    @Inject
    SampleChanges changes;

    @Override
    protected String databaseName() {
        return "kit_outbox";
    }

    @Test
    void publishesAfterCommit() {
        UUID id = UUID.randomUUID();
        ProviderRegistered event = changes.register(id, "Zorg na commit");

        await().atMost(Duration.ofSeconds(20)).until(() -> onTopic(event.eventId()));
        assertEquals(0, changes.count(
                "select count(*) from outbox where event_id = ? and published_at is null", event.eventId()));
    }

    @Test
    void publishesNothingOnRollback() {
        UUID key = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> changes.registerThenFail(key, "Zorg die niet bestaat"));
        assertEquals(0, changes.count("select count(*) from sample where id = ?", key));
        assertEquals(0, changes.count("select count(*) from outbox where message_key = ?", key.toString()));

        // same key, same partition: once this later event is on the topic, the rolled-back one would be too
        ProviderRegistered later = changes.register(UUID.randomUUID(), "Zorg daarna");
        await().atMost(Duration.ofSeconds(20)).until(() -> onTopic(later.eventId()));
        assertTrue(TopicReader.readAll(Infra.kafkaBootstrapServers(), SampleChanges.TOPIC).stream()
                .noneMatch(m -> key.toString().equals(m.key())));
    }

    private boolean onTopic(UUID eventId) {
        return TopicReader.readAll(Infra.kafkaBootstrapServers(), SampleChanges.TOPIC).stream()
                .anyMatch(m -> m.value().contains(eventId.toString()) && "ProviderRegistered".equals(m.type()));
    }
}
