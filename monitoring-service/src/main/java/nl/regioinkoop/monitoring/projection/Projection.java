package nl.regioinkoop.monitoring.projection;

import nl.regioinkoop.events.DomainEvent;

/**
 * One topic's consumer: its consumer group, its topic and how it applies an event to the read models. The live
 * listener and the rebuild both call {@link #apply}, so a rebuild gives exactly what live consumption gave.
 */
public interface Projection {
    String group();

    String topic();

    /** Applies one event inside the caller's transaction; events this projection does not use are ignored. */
    void apply(DomainEvent event);
}
