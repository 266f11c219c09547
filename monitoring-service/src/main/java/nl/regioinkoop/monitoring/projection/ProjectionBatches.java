package nl.regioinkoop.monitoring.projection;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.regioinkoop.kit.consumer.EventHandling;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The one way events reach the read models, for the live listeners and the rebuild alike: a batch of messages in
 * topic order becomes one transaction that records the batch's event ids for the group in one statement and applies
 * only the new ones ({@link EventHandling#applyOnce(String, List, java.util.function.Consumer)}).
 * <p>
 * A batch holds its row locks until it commits, and batches of different listeners would take them in different
 * orders (allocation rows, referral rows, the few hot spend_slice_month rows), which can deadlock. So the listeners
 * that share rows take one transaction-level advisory lock first: their batches apply one after the other, each in
 * milliseconds, and never wait for each other's rows halfway.
 * <p>
 * Every batch passes the {@link ReadModelFence} first, in its own transaction: a live batch only while no rebuild
 * holds the read models (on any replica), a rebuild's batch only while its own rebuild does.
 */
@Singleton
public class ProjectionBatches {
    /** Advisory lock key of the shared read models (an arbitrary constant, unique in this database). */
    static final long SHARED_READ_MODELS = 0x4D4F4E_0001L;

    private final EventHandling events;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ReadModelFence fence;

    ProjectionBatches(EventHandling events, JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                      ReadModelFence fence) {
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.fence = fence;
    }

    /**
     * A live listener's batch: applies the messages in one transaction, each event once for the projection's group.
     *
     * @param payloads message values in topic order (a partition's order kept); null values are left out
     * @return how many events were applied now (not seen before, known to this reader)
     * @throws ReadModelFence.Closed while a rebuild holds the read models; nothing was applied
     */
    public int applyOnce(Projection projection, List<byte[]> payloads) {
        return transactions.executeWrite(status -> {
            fence.admitLive();
            return apply(projection, payloads);
        });
    }

    /**
     * A rebuild's batch, as {@link #applyOnce}, while rebuild {@code runId} holds the read models.
     *
     * @throws ReadModelFence.Closed when another rebuild took them over (the replica of this one was presumed dead)
     */
    public int applyReplayed(Projection projection, List<byte[]> payloads, long runId) {
        return transactions.executeWrite(status -> {
            fence.admitRebuild(runId);
            return apply(projection, payloads);
        });
    }

    private int apply(Projection projection, List<byte[]> payloads) {
        return events.applyOnce(projection.group(), payloads, fresh -> {
            if (projection.writesSharedRows()) {
                lockSharedReadModels();
            }
            projection.applyAll(fresh);
        });
    }

    private void lockSharedReadModels() {
        jdbc.prepareStatement("select pg_advisory_xact_lock(?)", st -> {
            try {
                st.setLong(1, SHARED_READ_MODELS);
                return st.execute();
            } catch (SQLException e) {
                throw new IllegalStateException("could not lock the shared read models", e);
            }
        });
    }
}
