package nl.regioinkoop.events.provider;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** Published when the procurement office moves a provider to another tier (EVERYONE, PLUS_PARTNER, CORE_PARTNER). Topic: provider.providers.v1, key: providerId. */
@Serdeable
public record TierChanged(UUID eventId, Instant occurredAt, UUID providerId, String agbCode, String region, String fromTier, String toTier, String reason) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(providerId);
    }
}
