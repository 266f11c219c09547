package nl.regioinkoop.access.contract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.messaging.annotation.MessageHeader;
import nl.regioinkoop.kit.observability.RequestIds;
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
import nl.regioinkoop.events.provider.ProviderUpdated;
import nl.regioinkoop.kit.consumer.EventHandling;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Keeps the region's providers (AGB code, name, active, areas served) from provider-service's events, once per event. */
@KafkaListener(groupId = ProviderReplica.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 1_000_000,
                retryDelay = "1s"))
class ProviderReplica {
    static final String GROUP = "access.providers";

    private final EventHandling events;
    private final JdbcOperations jdbc;

    ProviderReplica(EventHandling events, JdbcOperations jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    @Topic(Topics.PROVIDERS_V1)
    void on(@KafkaKey String providerId, byte[] payload,
            @Nullable @MessageHeader(RequestIds.KAFKA_HEADER) String requestId) {
        events.applyOnce(GROUP, payload, requestId, this::apply);
    }

    private void apply(DomainEvent event) {
        if (event instanceof ProviderRegistered registered) {
            upsert(registered.agbCode(), registered.providerId(), registered.name(), registered.kind(), true,
                    null, registered.occurredAt());
        } else if (event instanceof ProviderUpdated updated) {
            upsert(updated.agbCode(), updated.providerId(), updated.name(), updated.kind(), updated.active(),
                    updated.areas() == null ? List.of() : updated.areas(), updated.occurredAt());
        }
    }

    /** @param areas the areas served (ProviderUpdated); null keeps what was known (ProviderRegistered names none) */
    private void upsert(String agb, UUID providerId, String name, String kind, boolean active,
                        @Nullable List<String> areas, Instant at) {
        jdbc.prepareStatement("""
                insert into provider (agb_code, provider_id, name, kind, active, areas, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (agb_code) do update set provider_id = excluded.provider_id, name = excluded.name,
                  kind = excluded.kind, active = excluded.active, areas = coalesce(excluded.areas, provider.areas),
                  updated_at = excluded.updated_at""", st -> {
            try {
                st.setString(1, agb);
                st.setObject(2, providerId);
                st.setString(3, name);
                st.setString(4, kind);
                st.setBoolean(5, active);
                st.setArray(6, areas == null ? null : st.getConnection().createArrayOf("text", areas.toArray()));
                st.setTimestamp(7, Timestamp.from(at));
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
