package nl.regioinkoop.kit.consumer;

import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.EventCatalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every event in the catalogue, filled with sample values, survives the trip through JSON as a consumer reads it.
 * A new event is covered the moment it is listed in its producer's {@code *Events}.
 */
class EventCatalogueRoundTripTest {
    static ApplicationContext context;
    static EventJson json;

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder().properties(Map.of(
                "datasources.default.enabled", false, "flyway.enabled", false, "outbox.relay.enabled", false,
                "kafka.enabled", false)).start();
        json = new EventJson(context.getBean(ObjectMapper.class));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static Stream<Class<? extends DomainEvent>> everyEvent() {
        return EventCatalogue.all().values().stream();
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void survivesTheRoundTrip(Class<? extends DomainEvent> type) throws Exception {
        DomainEvent event = (DomainEvent) sample(type, null);
        String written = json.encode(event);
        assertTrue(written.contains("\"type\":\"" + type.getSimpleName() + "\""), written);
        assertEquals(Optional.of(event), json.decode(written), written);
        assertTrue(event.aggregateId() != null && !event.aggregateId().equals("null"), "has an aggregate key");
    }

    private static Object sample(Class<?> type, Type generic) throws Exception {
        if (type == String.class) {
            return "x" + UUID.randomUUID().toString().substring(0, 4);
        } else if (type == UUID.class) {
            return UUID.randomUUID();
        } else if (type == Instant.class) {
            return Instant.parse("2026-03-01T09:30:00Z");
        } else if (type == LocalDate.class) {
            return LocalDate.of(2026, 3, 1);
        } else if (type == long.class || type == Long.class) {
            return 123_456L;
        } else if (type == int.class || type == Integer.class) {
            return 7;
        } else if (type == boolean.class || type == Boolean.class) {
            return true;
        } else if (type == BigDecimal.class) {
            return new BigDecimal("81.25");
        } else if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> elementClass = element instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) element;
            return List.of(sample(elementClass, element));
        } else if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sample(components[i].getType(), components[i].getGenericType());
            }
            return type.getDeclaredConstructor(types).newInstance(values);
        }
        throw new IllegalArgumentException("no sample for " + type + " - add one here");
    }
}
