package nl.regioinkoop.events.access;

import nl.regioinkoop.events.DomainEvent;

import java.util.List;

/** Everything access-service publishes. */
public final class AccessEvents {
    public static final List<Class<? extends DomainEvent>> TYPES = List.of(
            AllocationChanged.class, AllocationEnded.class, AllocationIssued.class, AllocationRequestRejected.class, BudgetCommitted.class, BudgetRealised.class, BudgetSet.class, ReferralRegistered.class, ReferralTriaged.class);

    private AccessEvents() {
    }
}
