package nl.regioinkoop.events.provider;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Published when a provider's registry entry changes, including deactivation. Topic: provider.providers.v1, key: providerId. */
@Serdeable
public record ProviderUpdated(UUID eventId, Instant occurredAt, UUID providerId, String agbCode, String kvkNumber, String name, String kind, boolean active, List<String> areas, Integer capacity) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(providerId);
    }
}
