package nl.regioinkoop.events.access;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** Published when an accepted declaration moves money from committed to realised. Topic: access.budgets.v1, key: budgetLineId. */
@Serdeable
public record BudgetRealised(UUID eventId, Instant occurredAt, UUID budgetLineId, String municipalityCode, int year, String budgetLine, UUID allocationId, UUID declarationLineId, long amountCents, long committedCents, long realisedCents) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(budgetLineId);
    }
}
