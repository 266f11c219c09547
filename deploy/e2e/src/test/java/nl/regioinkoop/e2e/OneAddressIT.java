package nl.regioinkoop.e2e;

import nl.regioinkoop.local.frontdoor.FrontDoor;
import nl.regioinkoop.local.frontdoor.FrontDoorRoutes;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Browser;
import nl.regioinkoop.testkit.EmbeddedKafka;
import nl.regioinkoop.testkit.Infra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One address and one login over the four services as processes: deploy/local's front door in front of them, a
 * person in headless Chromium signs in at the OIDC server and comes back to the front door (not to a service's own
 * port), opens the dashboard (its data calls go through the front door), and signs out; programs' tokens from the
 * same OIDC server are accepted by every service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneAddressIT {
    RunningPlatform platform;
    FrontDoor door;
    Browser browser;

    @BeforeAll
    void start() throws java.io.IOException {
        platform = RunningPlatform.get();
        Map<String, URI> byPrefix = new LinkedHashMap<>();
        byPrefix.put("/toegang", URI.create(platform.processes.service("access").url()));
        byPrefix.put("/inkoop", URI.create(platform.processes.service("contracting").url()));
        byPrefix.put("/aanbieder", URI.create(platform.processes.service("provider").url()));
        door = FrontDoor.start(EmbeddedKafka.freePort(),
                new FrontDoorRoutes(byPrefix, URI.create(platform.processes.service("monitoring").url())));
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (door != null) {
            door.close();
        }
    }

    @Test
    void aPersonSignsInAtTheOneAddressAndOpensTheDashboard() {
        browser.open(door.url() + "/");
        awaitUrl(() -> browser.url().startsWith(Infra.oidc().issuer() + "/authorize"), "the login page");
        browser.signInAs("Analist Weert (0988)");
        awaitUrl(() -> browser.url().equals(door.url() + "/"), "the home page at the front door");
        assertEquals("Welkom, Analist Weert (0988)", browser.text(By.tagName("h1")));

        browser.driver().findElement(By.linkText("Dashboard")).click();
        awaitUrl(() -> browser.url().equals(door.url() + "/dashboard/"), "the dashboard");
        await().atMost(Duration.ofSeconds(30)).until(() -> "ready".equals(
                browser.js("return document.body.dataset.state || ''")));
        assertEquals("0988", browser.js("return document.getElementById('f-municipality').value"));
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the dashboard");

        browser.driver().findElement(By.id("logout")).click();
        awaitUrl(() -> browser.url().startsWith(Infra.oidc().issuer() + "/authorize"), "the login page again");
    }

    @Test
    void everyServiceAcceptsTheOidcServersTokensForPrograms() {
        Api.Response refused = platform.access.post("/api/v1/clients", Infra.oidc().token("toegang-0988"),
                "{\"bsn\":\"123456789\",\"name\":\"Typo\",\"birthDate\":\"2015-03-14\",\"municipalityCode\":\"0988\"}");
        assertEquals(400, refused.status(), "signed in, and the elfproef refuses the BSN: " + refused);
        Api.Response tenders = platform.contracting.get("/api/v1/tenders", Infra.oidc().token("inkoop-mlw"));
        assertEquals(200, tenders.status(), tenders.toString());
        String providerToken = Infra.oidc().token("aanbieder-41000012");
        Api.Response providers = platform.provider.get("/api/v1/providers", providerToken);
        assertEquals(200, providers.status(), () -> diagnosis(providers, providerToken));
        Api.Response me = platform.monitoring.get("/api/v1/dimensions", Infra.oidc().token("regio-analist-mlw"));
        assertEquals(200, me.status(), me.toString());
        assertTrue(me.body().contains("\"region\":\"MLW\""), me.body());
    }

    /**
     * What a refusal of a program's token needs to be understood (CI saw provider-service answer 403 here once, in a
     * full run only): the answer, the token's claims (a test token), and whether the same call asked again for a few
     * seconds and the service's health answer the same.
     */
    private String diagnosis(Api.Response refused, String token) {
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        // the same call again, for up to 5 s, until it answers otherwise: does the refusal last, or pass?
        Api.Response[] again = {platform.provider.get("/api/v1/providers", token)};
        try {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
                again[0] = platform.provider.get("/api/v1/providers", token);
                return again[0].status() != refused.status();
            });
        } catch (org.awaitility.core.ConditionTimeoutException stillRefused) {
            // the refusal lasts: again[0] holds it
        }
        Api.Response health = platform.provider.get("/health", null);
        return "answer " + refused + "; token claims " + claims + "; asked again " + again[0].status() + " "
                + again[0].body() + "; health at " + platform.processes.service("provider").url() + ": " + health;
    }

    private void awaitUrl(Supplier<Boolean> condition, String what) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(condition::get);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not at " + what + " but " + browser.url() + ": "
                    + browser.text(By.tagName("body")), e);
        }
    }
}
