package nl.regioinkoop.access.client;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static nl.regioinkoop.access.Fixtures.registerClientJson;
import static nl.regioinkoop.access.Fixtures.testBsn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A platform in test mode registers test BSNs and refuses any other valid BSN, storing nothing. */
@MicronautTest(transactional = false)
class TestModeIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    @Inject
    Clients clients;

    @Override
    protected String databaseName() {
        return "access";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("regio.test-mode.enabled", "true");
    }

    @Test
    void aTestBsnIsRegisteredAndARealLookingOneRefused() {
        Api api = new Api(server.getURL().toString());
        Api.Response test = api.post("/api/v1/clients", tokens.accessOfficer("0988"), registerClientJson(testBsn(), "0988"));
        assertEquals(201, test.status(), test.toString());

        long before = clients();
        // 111222333 passes the elfproef and lies outside the test range
        assertTrue(Bsn.passesElfproef("111222333"));
        Api.Response real = api.post("/api/v1/clients", tokens.accessOfficer("0988"), registerClientJson("111222333", "0988"));
        assertEquals(400, real.status(), real.toString());
        assertTrue(real.contentType().startsWith("application/problem+json"), real.toString());
        assertTrue(real.body().contains("\"field\":\"bsn\"") && real.body().contains("test BSN"), real.body());
        assertEquals(before, clients(), "nothing stored on the refusal");
    }

    private long clients() {
        return clients.count();
    }
}
