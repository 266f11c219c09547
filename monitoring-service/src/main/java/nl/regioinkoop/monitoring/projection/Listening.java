package nl.regioinkoop.monitoring.projection;

import jakarta.inject.Singleton;
import nl.regioinkoop.kit.consumer.EventHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live listeners' path into {@link EventHandling#applyOnce}: the listener retries a failed event until it
 * applies (RETRY_ON_ERROR), which micronaut-kafka does silently, so each failure is logged here.
 */
@Singleton
class Listening {
    private static final Logger LOG = LoggerFactory.getLogger(Listening.class);

    private final EventHandling events;

    Listening(EventHandling events) {
        this.events = events;
    }

    void applyOnce(Projection projection, byte[] payload) {
        try {
            events.applyOnce(projection.group(), payload, projection::apply);
        } catch (RuntimeException e) {
            LOG.warn("{} could not apply an event from {}; it is retried: {}", projection.group(), projection.topic(),
                    e.toString(), e);
            throw e;
        }
    }
}
