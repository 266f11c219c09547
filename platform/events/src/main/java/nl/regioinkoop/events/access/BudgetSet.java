package nl.regioinkoop.events.access;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** Published when a municipality sets the amount of a budget line (segment or product category) for a year. Topic: access.budgets.v1, key: budgetLineId. */
@Serdeable
public record BudgetSet(UUID eventId, Instant occurredAt, UUID budgetLineId, String municipalityCode, int year, String budgetLine, long amountCents) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(budgetLineId);
    }
}
