package nl.regioinkoop.events.contracting;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when a contract is terminated or runs out; running allocations keep care continuity. Topic: contracting.contracts.v1, key: contractId. */
@Serdeable
public record ContractEnded(UUID eventId, Instant occurredAt, UUID contractId, LocalDate endDate, String reason) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(contractId);
    }
}
