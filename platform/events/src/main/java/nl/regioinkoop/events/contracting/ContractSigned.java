package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** Published when a contract is signed, with its full terms: what access-service and provider-service validate against. Topic: contracting.contracts.v1, key: contractId. */
@Serdeable
public record ContractSigned(UUID eventId, Instant occurredAt, UUID contractId, ContractTerms terms) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(contractId);
    }
}
