package nl.regioinkoop.bench;

import nl.regioinkoop.testkit.Api;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * P4: monitoring-service rebuilds every read model from the beginning of the topics ({@code POST /admin/rebuild},
 * then {@code GET /admin/rebuild} until DONE). Events/s = events read over the service's own start and finish
 * times; the wall time seen by the caller is kept beside it.
 */
final class MonitoringRebuild {
    private MonitoringRebuild() {
    }

    /** An Instant as the service writes it: ISO text, or seconds since the epoch with a fraction. */
    static Instant instant(Object value) {
        if (value instanceof Number n) {
            double seconds = n.doubleValue();
            return Instant.ofEpochSecond((long) seconds, Math.round((seconds - Math.floor(seconds)) * 1e9));
        }
        return Instant.parse(String.valueOf(value));
    }

    static void run(Platform platform, Results results, String key, String size) throws InterruptedException {
        Api monitoring = platform.api("monitoring");
        String analyst = platform.tokens.regionAnalyst("MLW");
        long started = System.nanoTime();
        Json.expect(202, monitoring.post("/api/v1/admin/rebuild", analyst,
                Json.write(Map.of("reason", "benchmark P4: rebuild rate"))), "starting a rebuild");
        Map<String, Object> status;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        do {
            Thread.sleep(100);
            status = Json.expect(200, monitoring.get("/api/v1/admin/rebuild", analyst), "rebuild status").json();
        } while ("RUNNING".equals(status.get("state")) && System.nanoTime() < deadline);
        double wall = (System.nanoTime() - started) / 1e9;
        if (!"DONE".equals(status.get("state"))) {
            results.figure("P4", "rebuild at " + size, "state " + status.get("state") + ": " + status.get("error"),
                    null, null, ">= 50k events/s", false);
            return;
        }
        long events = Json.number(status, "eventsRead");
        double seconds = Duration.between(instant(status.get("startedAt")), instant(status.get("finishedAt")))
                .toMillis() / 1000.0;
        double rate = events / seconds;
        Map<String, Object> detail = new LinkedHashMap<>(status);
        detail.put("size", size);
        detail.put("seconds", seconds);
        detail.put("wallSeconds", wall);
        detail.put("eventsPerSecond", rate);
        results.detail(key, detail);
        results.figure("P4", String.format("rebuild from the topics at %s (%,d events in %.1f s)", size, events, seconds),
                Results.perSecond(rate) + " events", null, null, ">= 50k/s", rate >= 50_000);
        Bench.step(String.format("P4 at %s: %,d events in %.1f s = %.0f events/s", size, events, seconds, rate));
    }
}
