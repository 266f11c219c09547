package nl.regioinkoop.monitoring.rebuild;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.monitoring.projection.Projection;

import java.util.concurrent.CountDownLatch;

/**
 * A projection only the rebuild knows (no listener), in a replica started with {@code test.rebuild.hold}: when the
 * rebuild reaches it (asks for its topic), after the read models were emptied, it stops there for good, deaf to
 * interrupts, like a replica that died mid-rebuild without a word. First of the projections, so that it stops the
 * rebuild before anything is replayed.
 */
@Singleton
@Order(Integer.MIN_VALUE)
@Requires(property = "test.rebuild.hold", value = "true")
class HeldProjection implements Projection {
    static final CountDownLatch REACHED = new CountDownLatch(1);

    @Override
    public String group() {
        return "monitoring.test-held";
    }

    @Override
    public String topic() {
        REACHED.countDown();
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException stopped) {
                // the replica's shutdown interrupts its worker: a dead replica does nothing more either
            }
        }
    }

    @Override
    public void apply(DomainEvent event) {
    }
}
