package nl.regioinkoop.kit.outbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.EventCatalogue;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.kit.observability.RequestIds;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox: {@link #append} writes an event in the caller's transaction, so the event exists
 * if and only if the state change commits. {@link OutboxRelay} publishes it afterwards.
 */
@Singleton
public class Outbox {
    private final JdbcOperations jdbc;
    private final EventJson json;
    private final OutboxJson batchJson;

    Outbox(JdbcOperations jdbc, EventJson json, OutboxJson batchJson) {
        this.jdbc = jdbc;
        this.json = json;
        this.batchJson = batchJson;
    }

    /** Must run inside the transaction of the state change; refuses to run without one. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void append(String topic, DomainEvent event) {
        String sql = "insert into outbox (event_id, topic, message_key, event_type, payload, request_id) "
                + "values (?, ?, ?, ?, ?, ?)";
        String requestId = RequestIds.current();
        jdbc.prepareStatement(sql, statement -> {
            try {
                statement.setObject(1, event.eventId());
                statement.setString(2, topic);
                statement.setString(3, event.aggregateId());
                statement.setString(4, event.getClass().getSimpleName());
                statement.setString(5, json.encode(event));
                statement.setString(6, requestId);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not append event " + event.eventId() + " to the outbox", e);
            }
        });
    }

    /**
     * Many events of one topic in the caller's transaction, in this order, written as a few batch rows
     * ({@link OutboxBatch}) instead of a row each: for work that yields thousands of events at once.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void appendAll(String topic, List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        String sql = "insert into outbox (event_id, topic, message_key, event_type, payload, request_id) "
                + "values (?, ?, ?, ?, ?, ?)";
        String requestId = RequestIds.current();
        jdbc.prepareStatement(sql, statement -> {
            try {
                for (int from = 0; from < events.size(); from += OutboxBatch.EVENTS_PER_ROW) {
                    List<? extends DomainEvent> part = events.subList(from,
                            Math.min(events.size(), from + OutboxBatch.EVENTS_PER_ROW));
                    List<OutboxBatch.Event> row = new ArrayList<>(part.size());
                    for (DomainEvent event : part) {
                        row.add(new OutboxBatch.Event(event.aggregateId(), EventCatalogue.typeOf(event),
                                event.eventId().toString(), batchJson.encode(event)));
                    }
                    statement.setObject(1, UUID.randomUUID()); // the row's own id; each event keeps its own
                    statement.setString(2, topic);
                    statement.setString(3, part.get(0).aggregateId());
                    statement.setString(4, OutboxBatch.TYPE);
                    statement.setString(5, OutboxBatch.encode(row));
                    statement.setString(6, requestId);
                    statement.addBatch();
                }
                return statement.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("could not append " + events.size() + " events to the outbox", e);
            }
        });
    }

    public static UUID newEventId() {
        return UUID.randomUUID();
    }
}
