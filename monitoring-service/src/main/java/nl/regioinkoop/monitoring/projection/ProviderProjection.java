package nl.regioinkoop.monitoring.projection;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.ProviderRegistered;
import nl.regioinkoop.kit.consumer.EventHandling;

import java.sql.SQLException;

/** Keeps the providers the region has registered, from provider-service's events. */
@KafkaListener(groupId = ProviderProjection.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 1_000_000,
                retryDelay = "1s"))
class ProviderProjection {
    static final String GROUP = "monitoring.providers";

    private final EventHandling events;
    private final JdbcOperations jdbc;

    ProviderProjection(EventHandling events, JdbcOperations jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    @Topic(Topics.PROVIDERS_V1)
    void on(@KafkaKey String providerId, byte[] payload) {
        events.applyOnce(GROUP, payload, this::apply);
    }

    private void apply(DomainEvent event) {
        if (event instanceof ProviderRegistered registered) {
            jdbc.prepareStatement("""
                    insert into provider_view (provider_id, agb_code, name, kind) values (?, ?, ?, ?)
                    on conflict (provider_id) do update set agb_code = excluded.agb_code, name = excluded.name,
                      kind = excluded.kind""", st -> {
                try {
                    st.setObject(1, registered.providerId());
                    st.setString(2, registered.agbCode());
                    st.setString(3, registered.name());
                    st.setString(4, registered.kind());
                    return st.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
