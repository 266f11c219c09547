package nl.regioinkoop.kit.consumer;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import nl.regioinkoop.events.DomainEvent;
import nl.regioinkoop.events.EventCatalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an event as JSON with its {@code type} beside its fields, and reads it back by that type.
 * Dispatching on a plain field avoids polymorphic deserialisation, which Micronaut Serialization has had bugs with.
 */
@Singleton
public class EventJson {
    private final ObjectMapper mapper;

    public EventJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String encode(DomainEvent event) {
        try {
            JsonNode fields = mapper.writeValueToTree(event);
            Map<String, JsonNode> withType = new LinkedHashMap<>();
            withType.put("type", JsonNode.createStringNode(EventCatalogue.typeOf(event)));
            fields.entries().forEach(entry -> withType.put(entry.getKey(), entry.getValue()));
            return new String(mapper.writeValueAsBytes(JsonNode.createObjectNode(withType)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + event.getClass().getSimpleName(), e);
        }
    }

    /** Empty when the type is unknown to this reader (a newer producer): tolerant readers skip it. */
    public Optional<DomainEvent> decode(byte[] json) {
        try {
            JsonNode node = mapper.readValue(json, JsonNode.class);
            JsonNode type = node.get("type");
            if (type == null || !type.isString()) {
                throw new IllegalArgumentException("event without a type: " + new String(json, StandardCharsets.UTF_8));
            }
            Optional<Class<? extends DomainEvent>> eventClass = EventCatalogue.classOf(type.getStringValue());
            if (eventClass.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(mapper.readValueFromTree(node, eventClass.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable event", e);
        }
    }

    public Optional<DomainEvent> decode(String json) {
        return decode(json.getBytes(StandardCharsets.UTF_8));
    }
}
