package nl.regioinkoop.testkit;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service answers the same way: health without a token, its OpenAPI document and UI, and
 * problem+json for an unauthenticated call. A service's test extends it and names its database.
 */
public abstract class ServiceBasicsContract extends RealInfrastructure {
    @Inject
    protected EmbeddedServer server;

    /** The service's OpenAPI document name, e.g. {@code provider-service-1.yml}. */
    protected abstract String openApiDocument();

    protected Api api() {
        return new Api(server.getURL().toString());
    }

    @Test
    void answersHealthWithoutAToken() {
        Api.Response health = api().get("/health", null);
        assertEquals(200, health.status(), health.toString());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
    }

    @Test
    void servesItsOpenApiDocumentAndUi() {
        Api.Response document = api().get("/swagger/" + openApiDocument(), null);
        assertEquals(200, document.status(), document.toString());
        assertTrue(document.body().contains("openapi:"), document.body());
        assertTrue(document.body().contains("/api/v1/"), "documents the API");
        Api.Response ui = api().get("/swagger-ui/index.html", null);
        assertEquals(200, ui.status(), ui.toString());
    }

    @Test
    void refusesAnApiCallWithoutATokenWithProblemJson() {
        Api.Response refused = api().get("/api/v1/anything", null);
        assertEquals(401, refused.status(), refused.toString());
        assertTrue(refused.isProblem(), refused.toString());
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        String forged = new Tokens("another-secret-another-secret-another-secret-0123456789")
                .regionAnalyst("MLW");
        Api.Response refused = api().get("/api/v1/anything", forged);
        assertEquals(401, refused.status(), refused.toString());
    }
}
