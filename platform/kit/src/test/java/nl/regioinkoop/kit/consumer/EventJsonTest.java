package nl.regioinkoop.kit.consumer;

import io.micronaut.context.ApplicationContext;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.provider.ProviderRegistered;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventJsonTest {
    static ApplicationContext context;
    static EventJson json;

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder().properties(java.util.Map.of(
                "datasources.default.enabled", false, "flyway.enabled", false, "outbox.relay.enabled", false,
                "kafka.enabled", false)).start();
        json = new EventJson(context.getBean(io.micronaut.serde.ObjectMapper.class));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void writesTheTypeBesideTheFieldsAndReadsItBack() {
        ProviderRegistered event = new ProviderRegistered(UUID.randomUUID(), Instant.parse("2026-01-05T10:15:30Z"),
                UUID.randomUUID(), "12345678", "87654321", "Zorg & Co", "YOUTH_CARE");
        String written = json.encode(event);
        assertTrue(written.startsWith("{\"type\":\"ProviderRegistered\""), written);
        assertEquals(Optional.of(event), json.decode(written));
    }

    @Test
    void readsTolerantly() {
        String newer = "{\"type\":\"ProviderRegistered\",\"eventId\":\"" + UUID.randomUUID() + "\","
                + "\"occurredAt\":\"2026-01-05T10:15:30Z\",\"providerId\":\"" + UUID.randomUUID() + "\","
                + "\"agbCode\":\"12345678\",\"kvkNumber\":\"87654321\",\"name\":\"X\",\"kind\":\"WMO\","
                + "\"addedInVersionTwo\":{\"nested\":true}}";
        Optional<DomainEvent> read = json.decode(newer);
        assertTrue(read.isPresent());
        assertEquals("X", ((ProviderRegistered) read.get()).name());
        assertEquals(Optional.empty(), json.decode("{\"type\":\"SomethingFromTheFuture\",\"eventId\":\"x\"}"));
    }
}
