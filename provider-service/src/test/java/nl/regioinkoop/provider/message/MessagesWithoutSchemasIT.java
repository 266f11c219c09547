package nl.regioinkoop.provider.message;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A service started where the schema directory is absent still runs, and says why it cannot take messages. */
@MicronautTest(transactional = false)
class MessagesWithoutSchemasIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;

    @Override
    protected String databaseName() {
        return "provider";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("istandaarden.schema-dir", "target/no-such-schema-directory", "micronaut.server.port", "-1");
    }

    @Test
    void messagesAreAnswered503WhenTheSchemasAreNotConfigured() {
        Api api = new Api(server.getURL().toString());
        Api.Response answer = api.send("POST", "/api/v1/messages", tokens.provider("65656055"), "application/xml",
                StandardFiles.example("JW305.xml"), Map.of("Accept", "application/xml"));
        assertEquals(503, answer.status(), answer.toString());
        assertTrue(answer.isProblem(), answer.toString());
        assertEquals("iStandaarden schemas are not configured", answer.json().get("title"));
        assertTrue(answer.body().contains("schema directory does not exist"), answer.body());
    }
}
