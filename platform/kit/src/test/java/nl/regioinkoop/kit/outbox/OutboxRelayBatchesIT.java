package nl.regioinkoop.kit.outbox;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.events.provider.ProviderRegistered;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * More events than one relay batch holds: each batch is streamed to the producer while it is read, and the events
 * of one aggregate still arrive once each, in the order they were appended, across batches and transactions.
 */
@MicronautTest(transactional = false)
class OutboxRelayBatchesIT extends RealInfrastructure {
    @Inject
    SampleChanges changes;
    @Inject
    EventJson json;

    @Override
    protected String databaseName() {
        return "kit_outbox_batches";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("outbox.relay.batch-size", "100");
    }

    @Test
    void eventsOfOneAggregateArriveInOrderAcrossBatches() {
        UUID id = UUID.randomUUID();
        changes.renameMany(id, 1, 240);
        changes.renameMany(UUID.randomUUID(), 1, 50);
        changes.renameMany(id, 241, 310);

        await().atMost(Duration.ofSeconds(60)).until(() ->
                changes.count("select count(*) from outbox where published_at is null and topic = ?",
                        SampleChanges.TOPIC) == 0);
        List<String> onTopic = TopicReader.readAll(Infra.kafkaBootstrapServers(), SampleChanges.TOPIC).stream()
                .filter(m -> id.toString().equals(m.key()))
                .map(m -> m.value().replaceAll(".*\"name\":\"(Zorg \\d+)\".*", "$1"))
                .toList();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 310; i++) {
            expected.add("Zorg " + i);
        }
        assertEquals(expected, onTopic);
    }

    @Test
    void eventsAppendedAllAtOnceArriveOnceEachInOrderAsIfAppendedOneByOne() {
        UUID id = UUID.randomUUID();
        changes.renameMany(id, 1, 10);
        List<ProviderRegistered> atOnce = new ArrayList<>(changes.renameAllAtOnce(id, 11, 610));
        changes.renameMany(id, 611, 620);
        atOnce.addAll(changes.renameAllAtOnce(id, 621, 621));

        await().atMost(Duration.ofSeconds(60)).until(() ->
                changes.count("select count(*) from outbox where published_at is null and topic = ?",
                        SampleChanges.TOPIC) == 0);
        List<TopicReader.Message> onTopic = TopicReader.readAll(Infra.kafkaBootstrapServers(), SampleChanges.TOPIC)
                .stream().filter(m -> id.toString().equals(m.key())).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 621; i++) {
            expected.add("Zorg " + i);
        }
        assertEquals(expected, onTopic.stream().map(m -> m.value().replaceAll(".*\"name\":\"(Zorg \\d+)\".*", "$1"))
                .toList());
        Map<String, Long> values = onTopic.stream().filter(m -> "ProviderRegistered".equals(m.type()))
                .collect(Collectors.groupingBy(TopicReader.Message::value, Collectors.counting()));
        for (ProviderRegistered event : atOnce) {
            assertEquals(1L, values.get(json.encode(event)), "once, exactly as a single row: " + event);
        }
        // 600 events in rows of 250, 250 and 100, and the single one in a row of its own
        assertEquals(4, changes.count("select count(*) from outbox where message_key = ? and event_type = 'outbox:batch'",
                id.toString()));
    }
}
