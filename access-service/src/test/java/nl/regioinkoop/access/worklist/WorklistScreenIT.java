package nl.regioinkoop.access.worklist;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.access.AccessApi;
import nl.regioinkoop.access.Contracts;
import nl.regioinkoop.kit.consumer.EventJson;
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
 * The access officer's worklist in headless Chromium: Weert's providers' requests with their provider's name and
 * the working days left (the passed one first), a new referral to triage, an allocation that ends within 8 weeks
 * and a budget line at 94 % of its amount, with codes named and Dutch dates and money; Nederweert's officer sees
 * none of them; other roles are refused; axe-core finds no serious or critical violation. Screenshot
 * docs/screens/toegang-werkvoorraad.png.
 */
@MicronautTest(transactional = false)
class WorklistScreenIT extends RealInfrastructure {
    @Inject
    EmbeddedServer server;
    @Inject
    EventJson json;
    Browser browser;
    AccessApi access;
    LocalDate today = LocalDate.now();
    String agb = Contracts.randomAgb();
    /** Weert's referral's own question: other test classes register referrals with the same referrer. */
    String question = "Angstklachten " + java.util.UUID.randomUUID();

    @Override
    protected String databaseName() {
        return "access";
    }

    @BeforeAll
    void weertHasWork() {
        Api api = new Api(base());
        access = new AccessApi(api, tokens);
        Contracts contracts = new Contracts(json);
        contracts.registerProvider(agb);
        String product = Contracts.randomProductCode();
        contracts.signPxqIn("WMO_ELDERLY", agb, product, 10_000, "0988");

        Api.Response weertsReferral = api.post("/api/v1/referrals", tokens.accessOfficer("0988"), "{\"clientId\":\""
                + access.registerClient("0988") + "\",\"referrerType\":\"02\",\"referrerName\":\"Huisarts Jansen\","
                + "\"referralDate\":\"2025-06-02\",\"question\":\"" + question + "\",\"crisis\":false}");
        assertEquals(201, weertsReferral.status(), weertsReferral.toString());
        access.registerRequest("0988", access.registerClient("0988"), agb, today.minusDays(10).toString());
        access.registerRequest("0988", access.registerClient("0988"), agb, today.toString());
        // one hour a week for three weeks at EUR 100: EUR 300 of a EUR 320 line (94 %), ending within 8 weeks
        access.budget("0988", today.getYear(), "WMO_ELDERLY", 320_00L);
        String referral = access.triagedReferralIn("WMO_ELDERLY", "0988");
        access.awaitEligible("0988", referral, product, agb, today.toString());
        Api.Response allocation = api.post("/api/v1/allocations", tokens.accessOfficer("0988"), AccessApi.allocationJson(
                referral, agb, product, 1, "04", "2", today.toString(), today.plusDays(20).toString()));
        assertEquals(201, allocation.status(), allocation.toString());
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void weertsOfficerSeesRequestsByDeadlineReferralsEndingAllocationsAndFullBudgetLines() {
        browser.useSession(base(), tokens.accessOfficer("0988"));
        browser.open(base() + "/toegang/");
        assertEquals("Werkvoorraad", browser.text(By.tagName("h1")));
        String triage = browser.text(By.cssSelector("section[aria-labelledby=triage]"));
        assertTrue(triage.contains("02 · Huisarts · Huisarts Jansen") && triage.contains("2 juni 2025")
                && triage.contains(question), triage);
        List<String> requests = browser.driver().findElements(By.cssSelector("section[aria-labelledby=verzoeken] tbody tr"))
                .stream().map(e -> e.getText()).toList();
        assertEquals(2, requests.size(), requests.toString());
        assertTrue(requests.get(0).contains("Aanbieder " + agb + " (AGB " + agb + ")")
                && requests.get(0).contains("termijn verstreken"), "the passed deadline first, the provider named: "
                + requests);
        assertTrue(requests.get(1).contains("5 werkdagen"), "received today: 5 working days left: " + requests);
        String ending = browser.text(By.cssSelector("section[aria-labelledby=herbeoordeling]"));
        assertTrue(ending.contains("Jeugdhulp") || ending.contains("45"), ending);
        assertTrue(ending.contains("1 uur per week") && ending.contains("Aanbieder " + agb), ending);
        String budget = browser.text(By.cssSelector("section[aria-labelledby=budget]"));
        assertTrue(budget.contains("WMO_ELDERLY · Wmo ouderen") && budget.contains("€ 320,00")
                && budget.contains("€ 300,00") && budget.contains("93,8 %"), budget);
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "the worklist");
        browser.screenshot(Path.of("..", "docs", "screens", "toegang-werkvoorraad.png"));
    }

    @Test
    void nederweertsOfficerSeesNothingOfWeert() {
        browser.useSession(base(), tokens.accessOfficer("0946"));
        browser.open(base() + "/toegang/");
        String page = browser.text(By.tagName("main"));
        assertFalse(page.contains(question) || page.contains(agb) || page.contains("320,00"), page);
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
