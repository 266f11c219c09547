package nl.regioinkoop.bench;

import io.micronaut.json.JsonMapper;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.EventCatalogue;
import nl.regioinkoop.testkit.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON bodies for the APIs, and events written as the services' outbox writes them ({@code type} first). */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.createDefault();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static byte[] event(DomainEvent event) {
        try {
            Map<String, Object> fields = MAPPER.readValue(MAPPER.writeValueAsBytes(event), Map.class);
            Map<String, Object> typed = new LinkedHashMap<>();
            typed.put("type", EventCatalogue.typeOf(event));
            typed.putAll(fields);
            return MAPPER.writeValueAsBytes(typed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Api.Response expect(int status, Api.Response response, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " answered " + response);
        }
        return response;
    }

    static long number(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (!(value instanceof Number n)) {
            throw new IllegalStateException("no number " + field + " in " + json);
        }
        return n.longValue();
    }
}
