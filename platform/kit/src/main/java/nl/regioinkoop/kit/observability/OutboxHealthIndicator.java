package nl.regioinkoop.kit.observability;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DOWN when rows wait in the outbox and the relay has published nothing for {@code regio.outbox.health.max-silence}:
 * the broker is away or the relay is stuck, and other services no longer hear of this one's changes. A long backlog
 * that is being published stays UP (its size and age are metrics). Part of readiness, as every indicator is.
 */
@Singleton
@Requires(beans = OutboxBacklog.class)
@Requires(property = "regio.outbox.health.enabled", notEquals = "false")
class OutboxHealthIndicator implements HealthIndicator {
    private final OutboxBacklog backlog;
    private final Duration maxSilence;

    OutboxHealthIndicator(OutboxBacklog backlog,
                          @Value("${regio.outbox.health.max-silence:5m}") Duration maxSilence) {
        this.backlog = backlog;
        this.maxSilence = maxSilence;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        OutboxBacklog.Sample sample = backlog.last();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("unpublished", sample.unpublished());
        details.put("oldestUnpublishedAgeSeconds", sample.oldestAge().toSeconds());
        details.put("silenceSeconds", sample.silence().toSeconds());
        details.put("maxSilenceSeconds", maxSilence.toSeconds());
        details.put("sampledAt", sample.takenAt() == null ? "not yet" : sample.takenAt().toString());
        HealthStatus status = sample.silence().compareTo(maxSilence) > 0 ? HealthStatus.DOWN : HealthStatus.UP;
        return Publishers.just(HealthResult.builder("outbox", status).details(details).build());
    }
}
