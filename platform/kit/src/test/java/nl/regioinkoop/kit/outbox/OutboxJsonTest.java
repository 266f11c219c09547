package nl.regioinkoop.kit.outbox;

import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.EventCatalogue;
import nl.regioinkoop.kit.consumer.EventJson;
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
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Batch rows carry every event byte for byte as a single outbox row would: with values, and with nulls. */
class OutboxJsonTest {
    static ApplicationContext context;
    static EventJson json;
    static OutboxJson batchJson;

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder().properties(Map.of(
                "datasources.default.enabled", false, "flyway.enabled", false, "outbox.relay.enabled", false,
                "kafka.enabled", false)).start();
        json = new EventJson(context.getBean(ObjectMapper.class));
        batchJson = new OutboxJson(context.getBean(ObjectMapper.class));
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
    void writesEveryEventAsEventJsonDoes(Class<? extends DomainEvent> type) throws Exception {
        DomainEvent filled = (DomainEvent) sample(type, null, false);
        assertEquals(json.encode(filled), batchJson.encode(filled));
        DomainEvent sparse = (DomainEvent) sample(type, null, true);
        assertEquals(json.encode(sparse), batchJson.encode(sparse));

        // and through a batch row's payload (the sample strings hold quotes, backslashes, tabs and newlines)
        List<OutboxBatch.Event> row = List.of(
                new OutboxBatch.Event(filled.aggregateId(), type.getSimpleName(), filled.eventId().toString(),
                        batchJson.encode(filled)),
                new OutboxBatch.Event("k", type.getSimpleName(), UUID.randomUUID().toString(), batchJson.encode(sparse)));
        assertEquals(row, OutboxBatch.decode(OutboxBatch.encode(row)));
    }

    /** Sample values; with {@code nulls}, every reference field of the event itself is null. */
    private static Object sample(Class<?> type, Type generic, boolean nulls) throws Exception {
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = nulls && !types[i].isPrimitive() ? null
                        : sample(components[i].getType(), components[i].getGenericType(), false);
            }
            return type.getDeclaredConstructor(types).newInstance(values);
        } else if (type == String.class) {
            return "x\"\\\t\n\u00e9" + UUID.randomUUID().toString().substring(0, 4);
        } else if (type == UUID.class) {
            return UUID.randomUUID();
        } else if (type == Instant.class) {
            return Instant.parse("2026-03-01T09:30:00.123456Z");
        } else if (type == LocalDate.class) {
            return LocalDate.of(2026, 3, 1);
        } else if (type == long.class || type == Long.class) {
            return 123_456_789_012L;
        } else if (type == int.class || type == Integer.class) {
            return 7;
        } else if (type == boolean.class || type == Boolean.class) {
            return true;
        } else if (type == BigDecimal.class) {
            return new BigDecimal("81.25");
        } else if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> elementClass = element instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) element;
            return List.of(sample(elementClass, element, false));
        }
        throw new IllegalArgumentException("no sample for " + type + " - add one here");
    }
}
