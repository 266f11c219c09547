package nl.regioinkoop.kit.outbox;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.events.provider.ProviderRegistered;
import nl.regioinkoop.testkit.EmbeddedKafka;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service runs while its broker is unreachable: its changes commit, their events wait in the outbox,
 * and once a broker answers on that address every one of them arrives.
 */
@MicronautTest(transactional = false)
class OutboxRelayCatchUpIT extends RealInfrastructure {
    private final int brokerPort = freePort();

    @Inject
    SampleChanges changes;

    @Override
    protected String databaseName() {
        return "kit_outbox_catch_up";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + brokerPort);
    }

    @Test
    void relayCatchesUpAfterTheBrokerWasUnreachable() throws Exception {
        List<ProviderRegistered> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            events.add(changes.register(UUID.randomUUID(), "Zorg " + i));
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                changes.count("select count(*) from outbox where published_at is null and topic = ?",
                        SampleChanges.TOPIC) == 25);

        try (EmbeddedKafka broker = EmbeddedKafka.start(brokerPort, null)) {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    changes.count("select count(*) from outbox where published_at is null and topic = ?",
                            SampleChanges.TOPIC) == 0);
            Set<String> onTopic = TopicReader.readAll(broker.bootstrapServers(), SampleChanges.TOPIC).stream()
                    .map(TopicReader.Message::value).collect(Collectors.toSet());
            assertEquals(25, onTopic.size());
            for (ProviderRegistered event : events) {
                assertTrue(onTopic.stream().anyMatch(v -> v.contains(event.eventId().toString())),
                        "event " + event.eventId() + " reached the broker");
            }
        }
    }

    private static int freePort() {
        try {
            return EmbeddedKafka.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
