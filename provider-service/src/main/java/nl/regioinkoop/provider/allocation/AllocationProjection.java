package nl.regioinkoop.provider.allocation;

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
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.access.AllocationChanged;
import nl.regioinkoop.events.access.AllocationEnded;
import nl.regioinkoop.events.access.AllocationIssued;
import nl.regioinkoop.kit.consumer.EventHandling;

/** Keeps the allocation replicas from access-service's events, each event applied once. */
@KafkaListener(groupId = AllocationProjection.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 1_000_000,
                retryDelay = "1s"))
class AllocationProjection {
    static final String GROUP = "provider.allocations";

    private final EventHandling events;
    private final Allocations allocations;

    AllocationProjection(EventHandling events, Allocations allocations) {
        this.events = events;
        this.allocations = allocations;
    }

    @Topic(Topics.ALLOCATIONS_V1)
    void on(@KafkaKey String allocationId, byte[] payload,
            @Nullable @MessageHeader(RequestIds.KAFKA_HEADER) String requestId) {
        events.applyOnce(GROUP, payload, requestId, this::apply);
    }

    private void apply(DomainEvent event) {
        if (event instanceof AllocationIssued issued) {
            allocations.issued(issued);
        } else if (event instanceof AllocationChanged changed) {
            allocations.changed(changed);
        } else if (event instanceof AllocationEnded ended) {
            allocations.ended(ended);
        }
    }
}
