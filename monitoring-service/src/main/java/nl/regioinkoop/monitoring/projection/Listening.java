package nl.regioinkoop.monitoring.projection;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The live listeners' path into {@link ProjectionBatches}: one transaction per polled batch. When it fails, the
 * whole batch rolls back and the listener seeks back to the batch's first offsets and retries it (RETRY_ON_ERROR in
 * batch mode; offsets are committed only after a batch applied), which micronaut-kafka does silently, so each
 * failure is logged here.
 */
@Singleton
class Listening {
    private static final Logger LOG = LoggerFactory.getLogger(Listening.class);

    private final ProjectionBatches batches;

    Listening(ProjectionBatches batches) {
        this.batches = batches;
    }

    void applyOnce(Projection projection, List<ConsumerRecord<String, byte[]>> records) {
        List<byte[]> payloads = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() != null) {
                payloads.add(record.value());
            }
        }
        try {
            batches.applyOnce(projection, payloads);
        } catch (RuntimeException e) {
            LOG.warn("{} could not apply a batch of {} events from {} (offsets {}); it is retried: {}",
                    projection.group(), records.size(), projection.topic(), offsets(records), e.toString(), e);
            throw e;
        }
    }

    private static String offsets(List<ConsumerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return "-";
        }
        ConsumerRecord<String, byte[]> first = records.get(0);
        ConsumerRecord<String, byte[]> last = records.get(records.size() - 1);
        return first.partition() + ":" + first.offset() + ".." + last.partition() + ":" + last.offset();
    }
}
