package nl.regioinkoop.monitoring.projection;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.ProviderRegistered;
import nl.regioinkoop.events.provider.ProviderUpdated;
import nl.regioinkoop.events.provider.TierChanged;
import nl.regioinkoop.monitoring.sql.Db;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/** Keeps the providers the region has registered, with their areas and tier, from provider-service's events. */
@KafkaListener(groupId = ProviderProjection.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC, batch = true,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 1_000_000,
                retryDelay = "1s"))
class ProviderProjection implements Projection {
    static final String GROUP = "monitoring.providers";

    private final Listening events;
    private final Db db;

    ProviderProjection(Listening events, Db db) {
        this.events = events;
        this.db = db;
    }

    @Topic(Topics.PROVIDERS_V1)
    void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        events.applyOnce(this, records, consumer);
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public String topic() {
        return Topics.PROVIDERS_V1;
    }

    @Override
    public void apply(DomainEvent event) {
        if (event instanceof ProviderRegistered registered) {
            db.update("""
                    insert into provider_view (provider_id, agb_code, name, kind) values (?, ?, ?, ?)
                    on conflict (provider_id) do update set agb_code = excluded.agb_code, name = excluded.name,
                      kind = excluded.kind""",
                    registered.providerId(), registered.agbCode(), registered.name(), registered.kind());
        } else if (event instanceof ProviderUpdated updated) {
            List<String> areas = updated.areas() == null ? List.of() : updated.areas();
            db.update("""
                    insert into provider_view (provider_id, agb_code, name, kind, active, areas) values (?, ?, ?, ?, ?, ?)
                    on conflict (provider_id) do update set agb_code = excluded.agb_code, name = excluded.name,
                      kind = excluded.kind, active = excluded.active, areas = excluded.areas""",
                    updated.providerId(), updated.agbCode(), updated.name(), updated.kind(), updated.active(),
                    areas.toArray(String[]::new));
        } else if (event instanceof TierChanged tier) {
            db.update("update provider_view set tier = ? where provider_id = ?", tier.toTier(), tier.providerId());
        }
    }
}
