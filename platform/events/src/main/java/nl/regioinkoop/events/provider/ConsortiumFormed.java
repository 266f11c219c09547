package nl.regioinkoop.events.provider;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Published when providers form a consortium with a lead (main contractor) and members with shares. Topic: provider.providers.v1, key: consortiumId. */
@Serdeable
public record ConsortiumFormed(UUID eventId, Instant occurredAt, UUID consortiumId, String name, String leadAgb, List<ConsortiumMember> members) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(consortiumId);
    }
}
