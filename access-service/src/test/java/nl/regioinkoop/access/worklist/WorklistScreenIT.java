package nl.regioinkoop.access.worklist;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.access.AccessApi;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Browser;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access officer's worklist in headless Chromium: Weert's new referral, a provider's request and a budget line
 * appear with their names and Dutch dates and money; Nederweert's officer sees none of them; other roles are
 * refused; axe-core finds no serious or critical violation. Screenshot docs/screens/toegang-werkvoorraad.png.
 */
@MicronautTest(transactional = false)
class WorklistScreenIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    Browser browser;
    AccessApi access;
    int year = LocalDate.now().getYear();

    @Override
    protected String databaseName() {
        return "access";
    }

    @BeforeAll
    void weertHasWork() {
        access = new AccessApi(new Api(base()), tokens);
        access.registerReferral("0988", access.registerClient("0988"));
        access.registerRequest("0988", access.registerClient("0988"), "41000012", LocalDate.now().minusDays(10).toString());
        access.budget("0988", year, "WMO_ELDERLY", 123_456_00L);
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void weertsOfficerSeesWeertsReferralsRequestsAndBudgetLines() {
        browser.useSession(base(), tokens.accessOfficer("0988"));
        browser.open(base() + "/toegang/");
        assertEquals("Werkvoorraad", browser.text(By.tagName("h1")));
        String triage = browser.text(By.cssSelector("section[aria-labelledby=triage]"));
        assertTrue(triage.contains("02 · Huisarts · Huisarts Jansen") && triage.contains("5 januari 2026"), triage);
        String requests = browser.text(By.cssSelector("section[aria-labelledby=verzoeken]"));
        assertTrue(requests.contains("41000012") && requests.contains("termijn verstreken"), requests);
        String budget = browser.text(By.cssSelector("section[aria-labelledby=budget]"));
        assertTrue(budget.contains("WMO_ELDERLY · Wmo ouderen") && budget.contains("€ 123.456,00"), budget);
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the worklist");
        browser.screenshot(Path.of("..", "docs", "screens", "toegang-werkvoorraad.png"));
    }

    @Test
    void nederweertsOfficerSeesNothingOfWeert() {
        browser.useSession(base(), tokens.accessOfficer("0946"));
        browser.open(base() + "/toegang/");
        String page = browser.text(By.tagName("main"));
        assertFalse(page.contains("Huisarts Jansen") || page.contains("41000012") || page.contains("123.456"), page);
    }

    @Test
    void onlyAccessOfficersOpenTheWorklist() {
        Api api = new Api(base());
        // as a browser asks for the page (an Accept the page cannot answer is a 406, whoever asks)
        Map<String, String> html = Map.of("Accept", "text/html");
        assertEquals(403, api.send("GET", "/toegang/", tokens.municipalityAnalyst("0988"), null, null, html).status());
        assertEquals(403, api.send("GET", "/toegang/", tokens.provider("41000012"), null, null, html).status());
        assertEquals(401, api.get("/toegang/", null).status());
    }

    private String base() {
        return server.getURL().toString();
    }
}
