package nl.regioinkoop.events.provider;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** Published when the procurement office registers a care provider. Topic: provider.providers.v1, key: providerId. */
@Serdeable
public record ProviderRegistered(UUID eventId, Instant occurredAt, UUID providerId, String agbCode,
                                 String kvkNumber, String name, String kind) implements DomainEvent {
    @Override
    public String aggregateId() {
        return providerId.toString();
    }
}
