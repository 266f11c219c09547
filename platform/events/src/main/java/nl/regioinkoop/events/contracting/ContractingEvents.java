package nl.regioinkoop.events.contracting;

import nl.regioinkoop.events.DomainEvent;

import java.util.List;

/** Everything contracting-service publishes. */
public final class ContractingEvents {
    public static final List<Class<? extends DomainEvent>> TYPES = List.of(
            BidSubmitted.class, BidsRanked.class, ContractAmended.class, ContractEnded.class, ContractExtended.class, ContractResumed.class, ContractSigned.class, ContractSuspended.class, StrategyAdopted.class, TenderAwarded.class, TenderPhaseChanged.class, TenderPublished.class);

    private ContractingEvents() {
    }
}
