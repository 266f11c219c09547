package nl.regioinkoop.access.contract;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.messaging.annotation.MessageHeader;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.CareStopped;
import nl.regioinkoop.events.provider.OutcomeReported;
import nl.regioinkoop.events.provider.WaitingTimeReported;
import nl.regioinkoop.kit.consumer.EventHandling;
import nl.regioinkoop.kit.observability.RequestIds;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

/**
 * What a family asks before choosing a provider, counted from provider-service's reports as they arrive (access
 * reads no other service's tables): waiting days from request to start, satisfaction (1-10) and dropout, care
 * stopped early by the client or the provider (JZ588 32, 33), per provider across the region, once per event.
 */
@KafkaListener(groupId = ProviderFigures.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 1_000_000,
                retryDelay = "1s"))
class ProviderFigures {
    static final String GROUP = "access.provider-figures";
    static final Set<String> DROPOUT = Set.of("32", "33");

    private final EventHandling events;
    private final JdbcOperations jdbc;

    ProviderFigures(EventHandling events, JdbcOperations jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    @Topic(Topics.PROVIDER_REPORTS_V1)
    void on(@KafkaKey String allocationId, byte[] payload,
            @Nullable @MessageHeader(RequestIds.KAFKA_HEADER) String requestId) {
        events.applyOnce(GROUP, payload, requestId, this::apply);
    }

    private void apply(DomainEvent event) {
        if (event instanceof WaitingTimeReported w && w.providerAgb() != null) {
            add(w.providerAgb(), "waiting_reports", "waiting_days_total", Math.max(w.waitingDays(), 0), w.occurredAt());
        } else if (event instanceof OutcomeReported o && o.providerAgb() != null) {
            add(o.providerAgb(), "outcome_reports", "satisfaction_total", o.satisfaction(), o.occurredAt());
        } else if (event instanceof CareStopped c && c.providerAgb() != null) {
            add(c.providerAgb(), "stops", "dropouts", DROPOUT.contains(c.reasonCode()) ? 1 : 0, c.occurredAt());
        }
    }

    /** Adds one report: its count column by one, its sum column by {@code amount}. */
    private void add(String agb, String count, String sum, long amount, Instant at) {
        // the column names are this class's constants, never input
        jdbc.prepareStatement("insert into provider_figure (provider_agb, " + count + ", " + sum + ", updated_at) "
                + "values (?, 1, ?, ?) on conflict (provider_agb) do update set " + count + " = provider_figure."
                + count + " + 1, " + sum + " = provider_figure." + sum + " + excluded." + sum
                + ", updated_at = excluded.updated_at", st -> {
            try {
                st.setString(1, agb);
                st.setLong(2, amount);
                st.setTimestamp(3, Timestamp.from(at));
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
