package nl.regioinkoop.kit.consumer;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
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

    /**
     * The set form of {@link #markProcessed(String, UUID)}, in one statement: the ids this group sees for the first
     * time. An id seen before is not among them; an id given twice is recorded (and returned) once.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Set<UUID> markProcessed(String consumerGroup, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.prepareStatement("""
                insert into processed_event (consumer_group, event_id)
                select ?, id from unnest(?::uuid[]) id on conflict do nothing returning event_id""",
                statement -> {
                    try {
                        statement.setString(1, consumerGroup);
                        statement.setArray(2, statement.getConnection().createArrayOf("uuid",
                                eventIds.stream().map(UUID::toString).toArray(String[]::new)));
                        Set<UUID> first = new HashSet<>();
                        try (ResultSet rs = statement.executeQuery()) {
                            while (rs.next()) {
                                first.add(rs.getObject(1, UUID.class));
                            }
                        }
                        return first;
                    } catch (SQLException e) {
                        throw new IllegalStateException("could not record " + eventIds.size() + " events", e);
                    }
                });
    }
}
