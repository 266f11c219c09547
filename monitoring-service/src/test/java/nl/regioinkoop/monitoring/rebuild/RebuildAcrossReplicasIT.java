package nl.regioinkoop.monitoring.rebuild;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.ProviderRegistered;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.monitoring.projection.Projection;
import nl.regioinkoop.monitoring.projection.ProjectionBatches;
import nl.regioinkoop.monitoring.projection.ReadModelFence;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import nl.regioinkoop.testkit.TopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of monitoring-service on one database and broker: this test's application context, and a second one
 * started beside it whose rebuild stops for good after emptying the read models ({@link HeldProjection}), as a
 * replica that dies mid-rebuild. While it holds them, the other replica refuses a second rebuild (409 problem+json),
 * shows the running one, and its listeners do not write into the half-built read models; once the holder is gone,
 * the other replica starts the rebuild again by itself and the read models come out whole.
 */
@MicronautTest(transactional = false)
class RebuildAcrossReplicasIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    @Inject
    EventJson json;
    @Inject
    ProjectionBatches batches;
    @Inject
    List<Projection> projections;

    private ApplicationContext other;

    @Override
    protected String databaseName() {
        return "monitoring";
    }

    @Override
    protected Map<String, String> extraProperties() {
        // look for an unfinished rebuild every second, and take over a failed one at once
        return Map.of("monitoring.rebuild.resume-interval", "1s", "monitoring.rebuild.retry-after", "0s");
    }

    @AfterAll
    void stopTheOtherReplica() {
        if (other != null && other.isRunning()) {
            other.close();
        }
    }

    @Test
    void aRebuildHoldsTheReadModelsOnEveryReplicaAndIsResumedWhenItsReplicaDies() throws Exception {
        Api here = new Api(server.getURL().toString());
        String analyst = tokens.regionAnalyst("MLW");
        ProviderRegistered before = registered();
        publish(before);
        await("the provider registered before the rebuild is applied").atMost(Duration.ofSeconds(60))
                .until(() -> providerRows(before.providerId()) == 1);

        Map<String, Object> properties = new HashMap<>();
        properties.putAll(getProperties());
        properties.put("test.rebuild.hold", "true");
        properties.put("monitoring.rebuild.resume", "false"); // the dying replica takes nothing over
        other = ApplicationContext.run(properties, "test");
        EmbeddedServer otherServer = other.getBean(EmbeddedServer.class).start();
        Api there = new Api(otherServer.getURL().toString());

        Api.Response started = there.post("/api/v1/admin/rebuild", tokens.procurementOfficer("MLW"),
                "{\"reason\":\"replica test\"}");
        assertEquals(202, started.status(), started.toString());
        assertTrue(HeldProjection.REACHED.await(60, TimeUnit.SECONDS), "the other replica's rebuild got under way");
        assertEquals(0, providerRows(before.providerId()), "the read models are emptied and being rebuilt");
        assertEquals(false, fenceOpen(), "and fenced");

        Api.Response second = here.post("/api/v1/admin/rebuild", tokens.procurementOfficer("MLW"),
                "{\"reason\":\"a second one\"}");
        assertEquals(409, second.status(), second.toString());
        assertTrue(second.isProblem(), second.toString());
        assertTrue(second.body().contains("rebuild-running"), second.body());
        Map<String, Object> status = here.get("/api/v1/admin/rebuild", analyst).json();
        assertEquals("RUNNING", status.get("state"), "this replica shows the other's rebuild: " + status);

        ProviderRegistered during = registered();
        Projection providers = projections.stream().filter(p -> p.topic().equals(Topics.PROVIDERS_V1)).findFirst()
                .orElseThrow();
        byte[] payload = json.encode(during).getBytes(StandardCharsets.UTF_8);
        assertThrows(ReadModelFence.Closed.class, () -> batches.applyOnce(providers, List.of(payload)),
                "a listener's batch on this replica waits while the other replica rebuilds");
        assertEquals(0, providerRows(during.providerId()), "and wrote nothing");
        publish(during);

        other.close(); // its rebuild never finished: RUNNING in the database, and nobody holds the lock any more
        await("this replica takes the unfinished rebuild over and finishes it").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "DONE".equals(here.get("/api/v1/admin/rebuild", analyst).json().get("state")));
        Map<String, Object> done = here.get("/api/v1/admin/rebuild", analyst).json();
        assertTrue(String.valueOf(done.get("requestedBy")).equals(status.get("requestedBy")), done.toString());
        assertEquals(List.of("INTERRUPTED", "DONE"), lastTwoRuns(), "the dead replica's run, then the resumed one");
        await("the event published during the rebuild is applied after it").atMost(Duration.ofSeconds(60))
                .until(() -> providerRows(during.providerId()) == 1);
        assertEquals(1, providerRows(before.providerId()), "the rebuild restored what the read models held");
        assertTrue(fenceOpen(), "the listeners write again");
    }

    private static ProviderRegistered registered() {
        return new ProviderRegistered(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "12345678", "87654321",
                "Aanbieder tijdens de herbouw", "WMO");
    }

    private void publish(ProviderRegistered event) {
        TopicWriter.send(Infra.kafkaBootstrapServers(), Topics.PROVIDERS_V1, event.providerId().toString(),
                "ProviderRegistered", json.encode(event));
    }

    private static long providerRows(UUID providerId) throws SQLException {
        try (Connection c = connection();
             PreparedStatement st = c.prepareStatement("select count(*) from provider_view where provider_id = ?")) {
            st.setObject(1, providerId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean fenceOpen() throws SQLException {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement(
                "select open from read_model_fence where id = 1"); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static List<String> lastTwoRuns() throws SQLException {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement(
                "select state from (select id, state from rebuild_run order by id desc limit 2) r order by id");
             ResultSet rs = st.executeQuery()) {
            List<String> states = new java.util.ArrayList<>();
            while (rs.next()) {
                states.add(rs.getString(1));
            }
            return states;
        }
    }

    private static Connection connection() throws SQLException {
        Infra.Pg pg = Infra.postgres();
        return DriverManager.getConnection(Infra.postgresDatabase("monitoring"), pg.user(), pg.password());
    }
}
