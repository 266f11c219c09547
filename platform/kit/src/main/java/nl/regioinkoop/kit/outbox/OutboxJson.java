package nl.regioinkoop.kit.outbox;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.EventCatalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes an event exactly as {@code EventJson#encode} does ({@code type} first, then the record's fields), but
 * in one pass: the record's own JSON with the type put in front, instead of a JSON tree copied into a new object.
 * {@link Outbox#appendAll} encodes thousands of events at once. OutboxJsonTest holds the two equal for every event.
 */
@Singleton
class OutboxJson {
    private final ObjectMapper mapper;

    OutboxJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String encode(DomainEvent event) {
        String fields;
        try {
            fields = new String(mapper.writeValueAsBytes(event), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + event.getClass().getSimpleName(), e);
        }
        if (!fields.startsWith("{") || !fields.endsWith("}")) {
            throw new IllegalStateException("an event is not written as a JSON object: " + fields);
        }
        String type = "{\"type\":\"" + EventCatalogue.typeOf(event) + "\"";
        return fields.length() == 2 ? type + "}" : type + "," + fields.substring(1);
    }
}
