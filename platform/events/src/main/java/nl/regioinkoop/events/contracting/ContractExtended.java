package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when an extension option is used; carries the full terms with the new end date. Topic: contracting.contracts.v1, key: contractId. */
@Serdeable
public record ContractExtended(UUID eventId, Instant occurredAt, UUID contractId, LocalDate newValidTo, ContractTerms terms) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(contractId);
    }
}
