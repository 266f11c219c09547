package nl.regioinkoop.events.provider;

import nl.regioinkoop.events.DomainEvent;

import java.util.List;

/** Everything provider-service publishes. */
public final class ProviderEvents {
    public static final List<Class<? extends DomainEvent>> TYPES = List.of(
            ProviderRegistered.class);

    private ProviderEvents() {
    }
}
