package nl.regioinkoop.contracting;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Reads JSON in tests: objects as maps, arrays as lists. */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.createDefault();

    private Json() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(String json) {
        try {
            return MAPPER.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(json, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object node) {
        return (List<Object>) node;
    }
}
