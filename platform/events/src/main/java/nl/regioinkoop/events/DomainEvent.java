package nl.regioinkoop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Every message on the wire. The {@code type} written beside the payload is the record's simple name,
 * so a reader can dispatch without polymorphic (de)serialisation.
 */
public interface DomainEvent {
    UUID eventId();

    Instant occurredAt();

    /** The key that keeps one aggregate's events in order on its topic. */
    String aggregateId();
}
