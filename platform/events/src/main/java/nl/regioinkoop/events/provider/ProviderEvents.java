package nl.regioinkoop.events.provider;

import nl.regioinkoop.events.DomainEvent;

import java.util.List;

/** Everything provider-service publishes. */
public final class ProviderEvents {
    public static final List<Class<? extends DomainEvent>> TYPES = List.of(
            CareStarted.class, CareStopped.class, ConsortiumFormed.class, DeclarationAccepted.class, DeclarationRejected.class, OutcomeReported.class, ProviderRegistered.class, ProviderUpdated.class, TierChanged.class, WaitingTimeReported.class);

    private ProviderEvents() {
    }
}
