package nl.regioinkoop.provider.registry;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.ProviderRegistered;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.problem.ProblemException;

import java.time.Clock;
import java.util.UUID;

/** Registers a provider and announces it, in one transaction. */
@Singleton
public class ProviderRegistration {
    private final Providers providers;
    private final Outbox outbox;
    private final Clock clock;

    ProviderRegistration(Providers providers, Outbox outbox, Clock clock) {
        this.providers = providers;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Provider register(RegisterProvider command) {
        if (providers.existsByAgbCode(command.agbCode())) {
            throw ProblemException.conflict("provider-already-registered", "Provider already registered",
                    "A provider with AGB code " + command.agbCode() + " is already registered");
        }
        Provider provider = providers.save(new Provider(UUID.randomUUID(), command.agbCode(), command.kvkNumber(),
                command.name().strip(), command.kind(), true, clock.instant(), 0));
        outbox.append(Topics.PROVIDERS_V1, new ProviderRegistered(Outbox.newEventId(), clock.instant(),
                provider.id(), provider.agbCode(), provider.kvkNumber(), provider.name(), provider.kind().name()));
        return provider;
    }
}
