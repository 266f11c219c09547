package nl.regioinkoop.kit.consumer;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.kit.observability.RequestIds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The idempotent consumer in one call: decode the message, and in one transaction record its event id for the
 * consumer group and apply it. A redelivered event finds its id and changes nothing; a failed application
 * rolls back both, so the retry applies it for real.
 */
@Singleton
public class EventHandling {
    private static final Logger LOG = LoggerFactory.getLogger(EventHandling.class);

    private final EventJson json;
    private final ProcessedEvents processedEvents;
    private final TransactionOperations<Connection> transactions;

    public EventHandling(EventJson json, ProcessedEvents processedEvents,
                         TransactionOperations<Connection> transactions) {
        this.json = json;
        this.processedEvents = processedEvents;
        this.transactions = transactions;
    }

    /** @return true if the event was applied now, false if it was unknown to this reader or seen before */
    public boolean applyOnce(String consumerGroup, byte[] payload, Consumer<DomainEvent> apply) {
        return applyDecoded(consumerGroup, payload, apply);
    }

    /**
     * As {@link #applyOnce(String, byte[], Consumer)}, with the id of the request that caused the event (its Kafka
     * header {@value RequestIds#KAFKA_HEADER}, null if it has none) in the MDC while it is applied: the consumer's
     * log lines, and the events it appends in turn, carry the request's id.
     */
    public boolean applyOnce(String consumerGroup, byte[] payload, String requestId, Consumer<DomainEvent> apply) {
        try (RequestIds.Scope ignored = RequestIds.open(requestId)) {
            return applyDecoded(consumerGroup, payload, apply);
        }
    }

    private boolean applyDecoded(String consumerGroup, byte[] payload, Consumer<DomainEvent> apply) {
        Optional<DomainEvent> event = json.decode(payload);
        if (event.isEmpty()) {
            return false;
        }
        try {
            Boolean applied = transactions.executeWrite(status -> {
                if (!processedEvents.markProcessed(consumerGroup, event.get().eventId())) {
                    return false;
                }
                apply.accept(event.get());
                return true;
            });
            return applied;
        } catch (RuntimeException e) {
            // the listener retries this record; without a line here a stalled consumer would be silent
            LOG.warn("{} could not apply {} {}; it will be retried: {}", consumerGroup,
                    event.get().getClass().getSimpleName(), event.get().eventId(), e.toString());
            throw e;
        }
    }

    /**
     * The set form of {@link #applyOnce(String, byte[], Consumer)}: in one transaction, record the event ids of a
     * whole batch for the consumer group in one statement and apply, in the batch's order, only the events seen for
     * the first time (an event given twice counts once). A failure rolls back the whole batch, records included, so
     * the caller's retry applies all of it for real.
     *
     * @param payloads the messages in topic order; unknown types are skipped (tolerant reader)
     * @param apply    receives the new events in order, inside the transaction; not called when there are none
     * @return how many events were applied now
     */
    public int applyOnce(String consumerGroup, List<byte[]> payloads, Consumer<List<DomainEvent>> apply) {
        List<DomainEvent> decoded = new ArrayList<>(payloads.size());
        for (byte[] payload : payloads) {
            json.decode(payload).ifPresent(decoded::add);
        }
        if (decoded.isEmpty()) {
            return 0;
        }
        try {
            return transactions.executeWrite(status -> {
                Set<UUID> first = new HashSet<>(processedEvents.markProcessed(consumerGroup,
                        decoded.stream().map(DomainEvent::eventId).toList()));
                List<DomainEvent> fresh = new ArrayList<>(first.size());
                for (DomainEvent event : decoded) {
                    if (first.remove(event.eventId())) { // remove: a second copy in the batch is a redelivery
                        fresh.add(event);
                    }
                }
                if (!fresh.isEmpty()) {
                    apply.accept(fresh);
                }
                return fresh.size();
            });
        } catch (RuntimeException e) {
            LOG.warn("{} could not apply a batch of {} events ({} to {}); it will be retried: {}", consumerGroup,
                    decoded.size(), decoded.get(0).eventId(), decoded.get(decoded.size() - 1).eventId(), e.toString());
            throw e;
        }
    }
}
