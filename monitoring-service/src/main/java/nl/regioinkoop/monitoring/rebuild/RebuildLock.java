package nl.regioinkoop.monitoring.rebuild;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One rebuild at a time across every replica: a PostgreSQL session-level advisory lock, held on a connection of its
 * own for as long as the rebuild runs. A replica that dies (SIGKILL, a lost node) loses its connection and with it
 * the lock, so a rebuild it left unfinished can be told from one still running and is taken over.
 */
@Singleton
class RebuildLock {
    /** Advisory lock key of the rebuild (an arbitrary constant, unique in this database). */
    static final long KEY = 0x4D4F4E_0002L;

    private final DataSource dataSource;

    RebuildLock(DataSource dataSource) {
        // the pool itself: the lock's connection lives outside any transaction, for the whole rebuild
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** The lock while held; closing it releases the lock and the connection. */
    static final class Held implements AutoCloseable {
        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try (connection) {
                try (PreparedStatement st = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                    st.setLong(1, KEY);
                    st.execute();
                }
            } catch (SQLException e) {
                // the connection is gone, and the lock with it
            }
        }
    }

    /** @return the lock, or empty when another replica (or another rebuild of this one) holds it */
    Optional<Held> tryAcquire() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement st = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                st.setLong(1, KEY);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return Optional.of(new Held(connection));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing a broken connection
                }
            }
            throw new IllegalStateException("could not take the rebuild lock", e);
        }
    }
}
