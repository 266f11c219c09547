package nl.regioinkoop.kit.observability;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.health.HealthStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.kit.retention.RetentionJob;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import reactor.core.publisher.Mono;

import java.sql.DriverManager;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operational signals and the retention purge of the kit, against the real database and broker. */
@MicronautTest(transactional = false)
class OperationsIT extends RealInfrastructure {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    OutboxBacklog backlog;
    @Inject
    OutboxHealthIndicator health;
    @Inject
    RetentionJob retention;

    @Override
    protected String databaseName() {
        return "kit_ops";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "ops-samples.enabled", "true",
                "regio.outbox.backlog.interval", "100ms",
                "regio.outbox.health.max-silence", "2s",
                "regio.retention.initial-delay", "1h",
                "regio.retention.processed-events", "30d",
                "endpoints.prometheus.sensitive", "false");
    }

    @Test
    void aRequestIdTravelsFromHttpIntoTheEventHeaderAndTheConsumersMdc() {
        HttpResponse<Map> response = http.toBlocking().exchange(
                HttpRequest.POST("/ops-samples", "").header(RequestIds.HEADER, "req-4711"), Map.class);
        assertEquals("req-4711", response.header(RequestIds.HEADER));
        UUID eventId = UUID.fromString((String) response.body().get("eventId"));

        await().atMost(Duration.ofSeconds(20)).until(() -> onTopic(eventId).isPresent());
        assertEquals("req-4711", onTopic(eventId).get().headers().get(RequestIds.KAFKA_HEADER));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> OpsSamples.Listener.REQUEST_ID_WHILE_APPLIED.containsKey(eventId));
        assertEquals("req-4711", OpsSamples.Listener.REQUEST_ID_WHILE_APPLIED.get(eventId));
    }

    @Test
    void aRequestWithoutAUsableIdGetsANewOne() {
        String made = http.toBlocking().exchange(HttpRequest.POST("/ops-samples", ""), Map.class)
                .header(RequestIds.HEADER);
        assertNotNull(made);
        UUID.fromString(made);
        String forged = http.toBlocking().exchange(HttpRequest.POST("/ops-samples", "")
                .header(RequestIds.HEADER, "x\" level=ERROR msg=\"forged"), Map.class).header(RequestIds.HEADER);
        UUID.fromString(forged); // a caller's id with other than plain characters is not taken
    }

    @Test
    void metricsAppearOnPrometheusWithTheirNames() {
        http.toBlocking().exchange(HttpRequest.POST("/ops-samples", ""), Map.class);
        HttpClientResponseException unauthorized = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/ops-samples/secret"), String.class));
        assertEquals(401, unauthorized.getStatus().getCode());
        assertEquals(422, assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/ops-samples/refused"), String.class))
                .getStatus().getCode());
        retention.purgeAll();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String scrape = http.toBlocking().retrieve("/prometheus");
            assertTrue(scrape.contains("regio_outbox_unpublished_rows{service=\"kit-test\"}"), scrape);
            assertTrue(scrape.contains("regio_outbox_oldest_unpublished_age_seconds{service=\"kit-test\"}"), scrape);
            assertTrue(scrape.contains("regio_outbox_silence_seconds{service=\"kit-test\"}"), scrape);
            assertTrue(scrape.matches("(?s).*regio_http_problems_total\\{[^}]*status=\"401\",type=\"https://regio-inkoop.nl/problems/unauthorized\"} 1\\.0.*"), scrape);
            assertTrue(scrape.matches("(?s).*regio_http_problems_total\\{[^}]*status=\"422\",type=\"https://regio-inkoop.nl/problems/sample-refused\"} 1\\.0.*"), scrape);
            assertTrue(scrape.contains("regio_retention_purged_rows_total{rows=\"outbox\"}"), scrape);
            // consumer lag of the listener's group, from the Kafka client's own metrics (micronaut-kafka)
            assertTrue(scrape.contains("kafka_consumer_records_lag_records{client_id=\"kit-test-listener\""), scrape);
            // every metric the alert rules beside the Kubernetes manifests use is among them
            for (String metric : metricsOfAlertRules()) {
                if (metric.startsWith("regio_declaration_")) {
                    continue; // provider-service's own, checked in its tests
                }
                assertTrue(scrape.contains(metric), "alert rule metric " + metric + " is not exported");
            }
        });
    }

    @Test
    void healthTurnsDownWhileRowsWaitWithoutPublicationAndUpOnceTheyArePublished() throws SQLException {
        await().atMost(Duration.ofSeconds(20)).until(() -> status() == HealthStatus.UP);
        try (Connection relayStopper = connect()) {
            holdRelayLock(relayStopper);
            UUID waiting = UUID.randomUUID();
            execute("insert into outbox (event_id, topic, message_key, event_type, payload) values ('" + waiting
                    + "', 'kit.ops.waiting', 'k', 'ProviderRegistered', '{}')");
            await().atMost(Duration.ofSeconds(20)).until(() -> status() == HealthStatus.DOWN);
            releaseRelayLock(relayStopper);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> status() == HealthStatus.UP);
    }

    @Test
    void purgeRemovesOnlyPublishedRowsOlderThanTheRetention() throws SQLException {
        UUID oldPublished = UUID.randomUUID();
        UUID recentlyPublished = UUID.randomUUID();
        UUID oldUnpublished = UUID.randomUUID();
        UUID oldProcessed = UUID.randomUUID();
        UUID recentProcessed = UUID.randomUUID();
        try (Connection relayStopper = connect()) {
            holdRelayLock(relayStopper);
            execute(outboxRow(oldPublished, "now() - interval '9 days'", "now() - interval '8 days'"));
            // written long ago, published a day ago (after a long broker outage): kept 7 days from publication
            execute(outboxRow(recentlyPublished, "now() - interval '9 days'", "now() - interval '1 day'"));
            // never published: kept whatever its age
            execute(outboxRow(oldUnpublished, "now() - interval '9 days'", "null"));
            execute("insert into processed_event (consumer_group, event_id, processed_at) values "
                    + "('g', '" + oldProcessed + "', now() - interval '31 days'), "
                    + "('g', '" + recentProcessed + "', now() - interval '29 days')");

            Map<String, Long> purged = retention.purgeAll();
            assertTrue(purged.get("outbox") >= 1, purged.toString());
            assertTrue(purged.get("processed_event") >= 1, purged.toString());
            assertEquals(0, count("select count(*) from outbox where event_id = '" + oldPublished + "'"));
            assertEquals(1, count("select count(*) from outbox where event_id = '" + recentlyPublished + "'"));
            assertEquals(1, count("select count(*) from outbox where event_id = '" + oldUnpublished
                    + "' and published_at is null"));
            assertEquals(0, count("select count(*) from processed_event where event_id = '" + oldProcessed + "'"));
            assertEquals(1, count("select count(*) from processed_event where event_id = '" + recentProcessed + "'"));
            releaseRelayLock(relayStopper);
        }
    }

    /** Takes the relay's lock (OutboxRelay.RELAY_LOCK) in a session of its own: the relay publishes nothing. */
    private static void holdRelayLock(Connection session) throws SQLException {
        try (Statement st = session.createStatement()) {
            st.executeQuery("select pg_advisory_lock(7010501)").close();
        }
    }

    private static void releaseRelayLock(Connection session) throws SQLException {
        try (Statement st = session.createStatement()) {
            st.executeQuery("select pg_advisory_unlock(7010501)").close();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    /** A session of the test's own, outside the application's transactions. */
    private Connection connect() throws SQLException {
        Infra.Pg pg = Infra.postgres();
        return DriverManager.getConnection(Infra.postgresDatabase(databaseName()), pg.user(), pg.password());
    }

    private HealthStatus status() {
        return Mono.from(health.getResult()).map(HealthResult::getStatus).block();
    }

    /**
     * A row as if written at {@code createdAt}: an old row gets an id below all others, as the sequence gave it then
     * (the purge walks the ids in order).
     */
    private static String outboxRow(UUID eventId, String createdAt, String publishedAt) {
        return "insert into outbox (id, event_id, topic, message_key, event_type, payload, created_at, published_at) "
                + "values ((select least(coalesce(min(id), 0), 0) - 1 from outbox), '" + eventId
                + "', 'kit.ops.purge', 'k', 'ProviderRegistered', '{}', " + createdAt + ", " + publishedAt + ")";
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Optional<TopicReader.Message> onTopic(UUID eventId) {
        return TopicReader.readAll(Infra.kafkaBootstrapServers(), OpsSamples.TOPIC).stream()
                .filter(m -> m.value().contains(eventId.toString())).findFirst();
    }

    /** The metric names in the expressions of deploy/k8s/monitoring's Prometheus rules. */
    @SuppressWarnings("unchecked")
    private static Set<String> metricsOfAlertRules() throws Exception {
        Path rules = Path.of("../../deploy/k8s/monitoring/prometheus-rules.yaml");
        Set<String> metrics = new TreeSet<>();
        try (InputStream in = Files.newInputStream(rules)) {
            Map<String, Object> rule = new Yaml().load(in);
            Map<String, Object> spec = (Map<String, Object>) rule.get("spec");
            for (Map<String, Object> group : (List<Map<String, Object>>) spec.get("groups")) {
                for (Map<String, Object> alert : (List<Map<String, Object>>) group.get("rules")) {
                    Matcher m = Pattern.compile("\\b(regio_[a-z_]+|kafka_consumer_[a-z_]+)").matcher((String) alert.get("expr"));
                    while (m.find()) {
                        metrics.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(metrics.size() >= 4, "the rules name the metrics: " + metrics);
        return metrics;
    }
}
