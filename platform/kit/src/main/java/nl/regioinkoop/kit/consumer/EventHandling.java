package nl.regioinkoop.kit.consumer;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.DomainEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.Optional;
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
}
