package nl.regioinkoop.monitoring.login;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.testkit.Browser;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One login for people, in headless Chromium against the JVM's real OpenID Connect server: sign in on its login
 * page, land on the home page, open the dashboard, sign out and be sent to the login again; axe-core on every page.
 * Screenshots go to docs/screens/ (login.png, home.png; the dashboard's, with figures, DashboardBrowserIT).
 */
@MicronautTest(transactional = false)
class LoginBrowserIT extends RealInfrastructure {
    static final Path SCREENS = Path.of("..", "docs", "screens");
    @Inject
    EmbeddedServer server;
    Browser browser;

    @Override
    protected String databaseName() {
        return "monitoring";
    }

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPersonSignsInAtTheIdentityProviderWorksAndSignsOut() {
        browser.open(base() + "/");
        awaitLoginPage();
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the login page");
        browser.screenshot(SCREENS.resolve("login.png"));

        browser.signInAs("Toegangsmedewerker Weert (0988)");
        awaitUrl(base() + "/");
        assertEquals("Welkom, Toegangsmedewerker Weert (0988)", browser.text(By.tagName("h1")));
        assertTrue(browser.text(By.id("who")).startsWith("Toegangsmedewerker · gemeente 0988"), browser.text(By.id("who")));
        assertFalse(browser.text(By.tagName("nav")).contains("Dashboard"), "the dashboard is for analysts");
        assertTrue(browser.text(By.tagName("nav")).contains("Werkvoorraad"), "the worklist is the officer's");
        assertEquals("", browser.js("return document.cookie"), "the session cookie is HttpOnly: no script reads it");
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the home page");

        browser.driver().findElement(By.id("logout")).click();
        awaitLoginPage();

        browser.signInAs("Analist Weert (0988)");
        awaitUrl(base() + "/");
        browser.screenshot(SCREENS.resolve("home.png"));
        browser.driver().findElement(By.linkText("Dashboard")).click();
        awaitUrl(base() + "/dashboard/");
        awaitDashboard();
        assertEquals("0988", browser.js("return document.getElementById('f-municipality').value"));
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the dashboard");

        browser.driver().findElement(By.id("logout")).click();
        awaitLoginPage();
        browser.open(base() + "/dashboard/");
        awaitLoginPage();
    }

    @Test
    void aFormPostWithoutTheSessionsCsrfTokenIsRefused() throws IOException, InterruptedException {
        String session = tokens.municipalityAnalyst("0988");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base() + "/"))
                .header("Cookie", "JWT=" + session).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode(), home.body());
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(home.body());
        assertTrue(csrf.find(), "the logout form carries the token: " + home.body());

        HttpResponse<String> forged = logout(http, session, "csrf=forged");
        assertEquals(403, forged.statusCode());
        assertTrue(forged.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(403, logout(http, session, "").statusCode(), "no token at all");

        HttpResponse<String> real = logout(http, session, "csrf=" + csrf.group(1));
        assertTrue(real.statusCode() / 100 == 3, "the real form logs out: " + real.statusCode());
        assertTrue(real.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JWT=;")
                || c.startsWith("JWT=") && c.contains("Max-Age=0")), "the session cookie is cleared: "
                + real.headers().allValues("Set-Cookie"));
    }

    @Test
    void programsGetTheirBearerTokensFromTheSameIdentityProvider() throws IOException, InterruptedException {
        String token = Infra.oidc().token("analist-0988");
        HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base() + "/api/v1/dimensions")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"municipality\":\"0988\""), me.body());
        HttpResponse<String> region = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base() + "/api/v1/dimensions"))
                        .header("Authorization", "Bearer " + Infra.oidc().token("regio-analist-mlw")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, region.statusCode(), region.body());
    }

    private HttpResponse<String> logout(HttpClient http, String session, String form)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/logout")).header("Cookie", "JWT=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitLoginPage() {
        awaitUrlStarting(Infra.oidc().issuer() + "/authorize");
        await().atMost(Duration.ofSeconds(20)).until(() -> "Aanmelden bij Regio Inkoop".equals(
                browser.text(By.tagName("h1"))));
    }

    private void awaitUrl(String url) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.url().equals(url));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not at " + url + " but " + browser.url() + ": "
                    + browser.text(By.tagName("body")), e);
        }
    }

    private void awaitUrlStarting(String prefix) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.url().startsWith(prefix));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not at " + prefix + "... but " + browser.url() + ": "
                    + browser.text(By.tagName("body")), e);
        }
    }

    private void awaitDashboard() {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> "ready".equals(
                    browser.js("return document.body.dataset.state || ''")));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the dashboard is not ready: " + browser.text(By.tagName("body"))
                    + "\nconsole: " + browser.consoleLog(), e);
        }
    }

    private String base() {
        return server.getURL().toString();
    }
}
