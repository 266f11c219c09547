package nl.regioinkoop.monitoring.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ListeningTest {

    @Test
    void aFailedBatchIsSoughtBackToItsFirstOffsetInEveryPartition() {
        List<ConsumerRecord<String, byte[]>> batch = List.of(record(2, 40), record(0, 7), record(2, 41),
                record(0, 8), record(1, 0));

        Map<TopicPartition, Long> first = Listening.firstOffsets(batch);

        assertEquals(Map.of(new TopicPartition("t", 2), 40L, new TopicPartition("t", 0), 7L,
                new TopicPartition("t", 1), 0L), first);
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheLongestWait() {
        assertEquals(Duration.ofMillis(500), Listening.waitAfter(1));
        assertEquals(Duration.ofSeconds(1), Listening.waitAfter(2));
        assertEquals(Duration.ofSeconds(8), Listening.waitAfter(5));
        assertEquals(Listening.LONGEST_WAIT, Listening.waitAfter(6));
        assertEquals(Listening.LONGEST_WAIT, Listening.waitAfter(1_000_000));
    }

    @Test
    void aBatchsRequestIdsGoInTheMdcOnceEachAndNoneWhenItsEventsHaveNone() {
        ConsumerRecord<String, byte[]> first = record(0, 1);
        first.headers().add("requestId", "req-a".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> again = record(0, 2);
        again.headers().add("requestId", "req-a".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> other = record(1, 1);
        other.headers().add("requestId", "req-b".getBytes(StandardCharsets.UTF_8));

        assertEquals("req-a,req-b", Listening.requestIds(List.of(first, record(0, 3), again, other)));
        assertNull(Listening.requestIds(List.of(record(0, 4))));
    }

    private static ConsumerRecord<String, byte[]> record(int partition, long offset) {
        return new ConsumerRecord<>("t", partition, offset, "k", new byte[0]);
    }
}
