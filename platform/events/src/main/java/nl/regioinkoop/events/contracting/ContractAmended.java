package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when a contract's terms change (tariffs from an effective date, indexation, products); carries the full new terms. Topic: contracting.contracts.v1, key: contractId. */
@Serdeable
public record ContractAmended(UUID eventId, Instant occurredAt, UUID contractId, LocalDate effectiveFrom, String reason, ContractTerms terms) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(contractId);
    }
}
