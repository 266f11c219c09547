package nl.regioinkoop.events.access;

import io.micronaut.serde.annotation.Serdeable;
import nl.regioinkoop.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** Published when an allocation commits (positive delta) or releases (negative delta) money on a budget line; overridden marks a commitment beyond the amount. Topic: access.budgets.v1, key: budgetLineId. */
@Serdeable
public record BudgetCommitted(UUID eventId, Instant occurredAt, UUID budgetLineId, String municipalityCode, int year, String budgetLine, UUID allocationId, long deltaCents, long committedCents, boolean overridden, String overrideReason) implements DomainEvent {
    @Override
    public String aggregateId() {
        return String.valueOf(budgetLineId);
    }
}
