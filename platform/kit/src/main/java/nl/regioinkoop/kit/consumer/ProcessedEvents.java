package nl.regioinkoop.kit.consumer;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.UUID;

/**
 * The idempotent consumer's memory: one row per (consumer group, event id), written in the transaction
 * that applies the event, so the effect and the record of it commit together or not at all.
 */
@Singleton
public class ProcessedEvents {
    private final JdbcOperations jdbc;

    public ProcessedEvents(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time a group sees this event; false for a redelivery, which the caller must skip. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean markProcessed(String consumerGroup, UUID eventId) {
        return jdbc.prepareStatement(
                "insert into processed_event (consumer_group, event_id) values (?, ?) on conflict do nothing",
                statement -> {
                    try {
                        statement.setString(1, consumerGroup);
                        statement.setObject(2, eventId);
                        return statement.executeUpdate() == 1;
                    } catch (SQLException e) {
                        throw new IllegalStateException("could not record event " + eventId, e);
                    }
                });
    }
}
