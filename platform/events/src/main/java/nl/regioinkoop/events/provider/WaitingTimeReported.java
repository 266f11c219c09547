package nl.regioinkoop.events.provider;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when a provider reports the waiting time from request to start of care. Topic: provider.reports.v1, key: allocationId. */
@Serdeable
public record WaitingTimeReported(UUID eventId, Instant occurredAt, UUID allocationId, String providerAgb, String municipalityCode, LocalDate requestDate, LocalDate startDate, int waitingDays) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(allocationId);
    }
}
