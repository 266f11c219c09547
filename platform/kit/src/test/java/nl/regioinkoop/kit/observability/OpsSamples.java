package nl.regioinkoop.kit.observability;

import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.messaging.annotation.MessageHeader;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.annotation.Transactional;
import nl.regioinkoop.events.provider.ProviderRegistered;
import nl.regioinkoop.kit.consumer.EventHandling;
import nl.regioinkoop.kit.outbox.Outbox;
import nl.regioinkoop.kit.problem.ProblemException;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A service in small: an endpoint whose change appends an event, and a consumer of that event. */
final class OpsSamples {
    static final String TOPIC = "kit.ops.v1";
    static final String GROUP = "kit.ops";

    private OpsSamples() {
    }

    @Controller("/ops-samples")
    @Requires(property = "ops-samples.enabled", value = "true")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class Endpoint {
        private final Outbox outbox;

        Endpoint(Outbox outbox) {
            this.outbox = outbox;
        }

        /** Appends on a worker thread, not the event loop: the request id must follow the request there. */
        @Post
        @Status(HttpStatus.CREATED)
        @Transactional
        Map<String, String> register() {
            UUID id = UUID.randomUUID();
            ProviderRegistered event = new ProviderRegistered(UUID.randomUUID(), Instant.now(), id, "12345678",
                    "87654321", "Zorg met request id", "YOUTH_CARE");
            outbox.append(TOPIC, event);
            return Map.of("eventId", event.eventId().toString());
        }

        @Get("/refused")
        void refused() {
            throw ProblemException.unprocessable("sample-refused", "Refused", "a sample refusal");
        }

        @Get("/secret")
        @Secured(SecurityRule.IS_AUTHENTICATED)
        String secret() {
            return "only with a token";
        }
    }

    /** Remembers, per event id, the request id in the MDC while the event was applied. */
    @KafkaListener(groupId = GROUP, offsetReset = OffsetReset.EARLIEST)
    @Requires(property = "ops-samples.enabled", value = "true")
    static class Listener {
        static final Map<UUID, String> REQUEST_ID_WHILE_APPLIED = new ConcurrentHashMap<>();

        private final EventHandling events;

        Listener(EventHandling events) {
            this.events = events;
        }

        @Topic(TOPIC)
        void on(byte[] payload, @Nullable @MessageHeader(RequestIds.KAFKA_HEADER) String requestId) {
            events.applyOnce(GROUP, payload, requestId, event ->
                    REQUEST_ID_WHILE_APPLIED.put(event.eventId(), String.valueOf(MDC.get(RequestIds.MDC_KEY))));
        }
    }
}
