package nl.regioinkoop.provider.support;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.EventCatalogue;
import nl.regioinkoop.kit.consumer.EventJson;

import java.util.List;

/**
 * Appends many events to the kit's outbox table with one COPY, in the caller's transaction: the same rows
 * {@code Outbox#append} writes, without a round trip per event (a bulk declaration yields tens of thousands).
 */
@Singleton
public class BatchOutbox {
    private final Sql sql;
    private final EventJson json;

    BatchOutbox(Sql sql, EventJson json) {
        this.sql = sql;
        this.json = json;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void appendAll(String topic, List<? extends DomainEvent> events) {
        // id and created_at take their defaults, in the order of the list: the relay publishes in id order
        sql.copy("copy outbox (event_id, topic, message_key, event_type, payload) from stdin", events,
                (row, event) -> row.uuid(event.eventId()).text(topic).text(event.aggregateId())
                        .text(EventCatalogue.typeOf(event)).text(json.encode(event)));
    }
}
