package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when a suspended contract is resumed: allocations under it are possible again; carries the full terms. Topic: contracting.contracts.v1, key: contractId. */
@Serdeable
public record ContractResumed(UUID eventId, Instant occurredAt, UUID contractId, LocalDate from, ContractTerms terms) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(contractId);
    }
}
