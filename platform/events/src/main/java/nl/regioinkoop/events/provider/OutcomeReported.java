package nl.regioinkoop.events.provider;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** Published when a provider reports the outcome of ended care: goal realised (YES, PARTLY, NO) and client satisfaction 1-10. Topic: provider.reports.v1, key: allocationId. */
@Serdeable
public record OutcomeReported(UUID eventId, Instant occurredAt, UUID allocationId, String providerAgb, String municipalityCode, String clientPseudonym, String goalRealised, int satisfaction) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(allocationId);
    }
}
