package nl.regioinkoop.events;

import nl.regioinkoop.events.access.AccessEvents;
import nl.regioinkoop.events.contracting.ContractingEvents;
import nl.regioinkoop.events.provider.ProviderEvents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the {@code type} carried by each message to its record. Each producing service lists its own
 * events in its package's {@code *Events} class; this class only joins the lists.
 */
public final class EventCatalogue {
    private static final Map<String, Class<? extends DomainEvent>> TYPES = new HashMap<>();

    static {
        register(AccessEvents.TYPES);
        register(ContractingEvents.TYPES);
        register(ProviderEvents.TYPES);
    }

    private EventCatalogue() {
    }

    private static void register(List<Class<? extends DomainEvent>> types) {
        for (Class<? extends DomainEvent> type : types) {
            if (TYPES.put(type.getSimpleName(), type) != null) {
                throw new IllegalStateException("two events named " + type.getSimpleName());
            }
        }
    }

    public static String typeOf(DomainEvent event) {
        return event.getClass().getSimpleName();
    }

    /** Empty for a type this reader does not know: tolerant readers skip what they do not understand. */
    public static Optional<Class<? extends DomainEvent>> classOf(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    public static Map<String, Class<? extends DomainEvent>> all() {
        return Map.copyOf(TYPES);
    }
}
