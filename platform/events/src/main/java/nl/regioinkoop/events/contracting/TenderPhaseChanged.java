package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when a tender moves to its next phase. Topic: contracting.tenders.v1, key: tenderId. */
@Serdeable
public record TenderPhaseChanged(UUID eventId, Instant occurredAt, UUID tenderId, String fromPhase, String toPhase, LocalDate effectiveDate) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(tenderId);
    }
}
