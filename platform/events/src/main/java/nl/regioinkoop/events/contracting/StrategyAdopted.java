package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Published when the region adopts its procurement strategy for a segment in a procurement round. Topic: contracting.tenders.v1, key: strategyId. */
@Serdeable
public record StrategyAdopted(UUID eventId, Instant occurredAt, UUID strategyId, String region, String round, String segment, String kraljicQuadrant, String fundingModel, String contractForm, Integer targetProviders, List<String> goals) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(strategyId);
    }
}
