package nl.regioinkoop.monitoring.dashboard;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's page is one route with one answer, whoever asks: a browser, curl without an Accept header, a
 * link checker asking for anything (issue 17 saw "More than 1 route matched" for curl). Without a session a browser
 * is sent to the login, a program gets 401 problem+json.
 */
@MicronautTest(transactional = false)
class DashboardPageIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    protected String databaseName() {
        return "monitoring";
    }

    @Test
    void thePageAnswersWithoutAnAcceptHeader() throws Exception {
        for (String accept : new String[]{null, "*/*", "text/html,application/xhtml+xml,*/*;q=0.8"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + "/dashboard/"))
                    .header("Authorization", "Bearer " + tokens.regionAnalyst("MLW"));
            if (accept != null) {
                request.header("Accept", accept);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "Accept " + accept + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                    "Accept " + accept + ": " + response.headers());
            assertTrue(response.body().contains("<main"), "Accept " + accept);
        }
    }

    @Test
    void withoutASessionABrowserIsSentToTheLoginAndAProgramRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURI() + "/dashboard/"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(3, response.statusCode() / 100, response.statusCode() + " " + response.body());
        assertTrue(response.headers().firstValue("Location").orElse("").contains("/oauth/login/regio"),
                response.headers().toString());
        HttpResponse<String> program = http.send(HttpRequest.newBuilder(URI.create(server.getURI() + "/dashboard/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, program.statusCode(), program.body());
        assertTrue(program.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }
}
