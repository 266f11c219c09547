package nl.regioinkoop.monitoring.projection;

import nl.regioinkoop.events.DomainEvent;

import java.util.List;

/**
 * One topic's consumer: its consumer group, its topic and how it applies events to the read models. The live
 * listener and the rebuild both go through {@link ProjectionBatches}, so a rebuild gives exactly what live
 * consumption gave.
 */
public interface Projection {
    String group();

    String topic();

    /** Applies one event inside the caller's transaction; events this projection does not use are ignored. */
    void apply(DomainEvent event);

    /**
     * Applies new events in topic order inside the caller's transaction, with the same result as {@link #apply} on
     * each in turn; a projection overrides it where set-based statements pay off.
     */
    default void applyAll(List<DomainEvent> events) {
        events.forEach(this::apply);
    }

    /**
     * True when this projection writes rows another listener writes too (allocation_fact, referral_fact, the spend
     * tables): its batches then run one at a time with the other such listeners' ({@link ProjectionBatches}).
     */
    default boolean writesSharedRows() {
        return false;
    }
}
