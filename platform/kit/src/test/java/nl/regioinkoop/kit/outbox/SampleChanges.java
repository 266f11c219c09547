package nl.regioinkoop.kit.outbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.provider.ProviderRegistered;

import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A state change with its event, as a service would make one. */
@Singleton
class SampleChanges {
    static final String TOPIC = "kit.samples.v1";

    private final JdbcOperations jdbc;
    private final Outbox outbox;

    SampleChanges(JdbcOperations jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Transactional
    ProviderRegistered register(UUID id, String name) {
        jdbc.prepareStatement("insert into sample (id, name) values (?, ?)", st -> {
            try {
                st.setObject(1, id);
                st.setString(2, name);
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        ProviderRegistered event = new ProviderRegistered(UUID.randomUUID(), Instant.now(), id, "12345678",
                "87654321", name, "YOUTH_CARE");
        outbox.append(TOPIC, event);
        return event;
    }

    /** Events of one aggregate in one transaction, named "Zorg first" to "Zorg last" in this order. */
    @Transactional
    void renameMany(UUID id, int first, int last) {
        for (int i = first; i <= last; i++) {
            outbox.append(TOPIC, new ProviderRegistered(UUID.randomUUID(), Instant.now(), id, "12345678",
                    "87654321", "Zorg " + i, "YOUTH_CARE"));
        }
    }

    /** The same events as {@link #renameMany}, appended at once ({@link Outbox#appendAll}, batch rows). */
    @Transactional
    java.util.List<ProviderRegistered> renameAllAtOnce(UUID id, int first, int last) {
        java.util.List<ProviderRegistered> events = new java.util.ArrayList<>();
        for (int i = first; i <= last; i++) {
            events.add(new ProviderRegistered(UUID.randomUUID(), Instant.now(), id, "12345678", "87654321",
                    "Zorg " + i, "YOUTH_CARE"));
        }
        outbox.appendAll(TOPIC, events);
        return events;
    }

    @Transactional
    ProviderRegistered registerThenFail(UUID id, String name) {
        register(id, name);
        throw new IllegalStateException("the state change failed after the event was appended");
    }

    @Transactional(readOnly = true)
    long count(String sql, Object parameter) {
        return jdbc.prepareStatement(sql, st -> {
            try {
                st.setObject(1, parameter);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
