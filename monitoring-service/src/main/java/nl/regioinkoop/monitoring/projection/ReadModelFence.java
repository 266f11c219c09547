package nl.regioinkoop.monitoring.projection;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Who may write into the read models, across every replica of monitoring-service: the live listeners while the
 * fence is open; only the batches of one rebuild (its run id) while it is closed. Both take the fence's one row
 * ({@code read_model_fence}) FOR SHARE first in their own transaction, so a rebuild's {@link #close} (an update of
 * that row) waits for every batch in flight, and every batch after it sees the fence closed: a listener on another
 * replica never writes into read models that are being emptied and rebuilt.
 */
@Singleton
public class ReadModelFence {
    private final JdbcOperations jdbc;

    ReadModelFence(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A live batch finds the read models being rebuilt; it is retried once the rebuild has finished. */
    public static final class Closed extends RuntimeException {
        Closed(String message) {
            super(message, null, false, false); // expected while a rebuild runs: no stack trace
        }
    }

    /** The fence as it stands: open, or closed for one rebuild. */
    public record State(boolean open, Long runId) {
    }

    /** In the caller's transaction: throws {@link Closed} unless the live listeners may write. */
    void admitLive() {
        State state = readForShare();
        if (!state.open()) {
            throw new Closed("the read models are being rebuilt (rebuild " + state.runId() + "): the batch waits");
        }
    }

    /** In the caller's transaction: throws {@link Closed} unless this rebuild is the one that may write. */
    void admitRebuild(long runId) {
        State state = readForShare();
        if (state.open() || state.runId() == null || state.runId() != runId) {
            throw new Closed("rebuild " + runId + " no longer holds the read models (fence " + state + ")");
        }
    }

    /**
     * In the caller's transaction, before the read models are emptied: only rebuild {@code runId} may write from now
     * on. Waits for the batches in flight on every replica (they hold the row FOR SHARE).
     */
    public void close(long runId) {
        jdbc.prepareStatement("update read_model_fence set open = false, run_id = ? where id = 1", st -> {
            try {
                st.setLong(1, runId);
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not close the read model fence", e);
            }
        });
    }

    /**
     * In the caller's transaction, once rebuild {@code runId} has replayed everything: the live listeners write again.
     *
     * @return false when another rebuild took the fence over meanwhile (it opens it when it finishes)
     */
    public boolean open(long runId) {
        return jdbc.prepareStatement("update read_model_fence set open = true, run_id = null where id = 1 and run_id = ?",
                st -> {
                    try {
                        st.setLong(1, runId);
                        return st.executeUpdate() == 1;
                    } catch (SQLException e) {
                        throw new IllegalStateException("could not open the read model fence", e);
                    }
                });
    }

    /** The fence without locking it. */
    public State state() {
        return read("select open, run_id from read_model_fence where id = 1");
    }

    private State readForShare() {
        return read("select open, run_id from read_model_fence where id = 1 for share");
    }

    private State read(String sql) {
        return jdbc.prepareStatement(sql, st -> {
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("read_model_fence has no row: migration V5 missing");
                }
                long run = rs.getLong(2);
                return new State(rs.getBoolean(1), rs.wasNull() ? null : run);
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the read model fence", e);
            }
        });
    }
}
