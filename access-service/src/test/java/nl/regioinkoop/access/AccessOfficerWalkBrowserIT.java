package nl.regioinkoop.access;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.events.Topics;
import nl.regioinkoop.events.provider.CareStopped;
import nl.regioinkoop.events.provider.OutcomeReported;
import nl.regioinkoop.events.provider.ProviderRegistered;
import nl.regioinkoop.events.provider.ProviderUpdated;
import nl.regioinkoop.events.provider.WaitingTimeReported;
import nl.regioinkoop.istandaarden.MessageSchemas;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Browser;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An access officer of Weert works through the screens in headless Chromium as a person would, signed in at the
 * OIDC server: registers a child (a BSN that fails the elfproef refused on the form first, nothing stored), finds
 * the child by BSN, registers the GP's referral, triages it, draws up the family plan, picks a provider with the
 * family (their waiting time, satisfaction and dropout from the providers' reports), sees an over-budget allocation
 * refused and explained on the form with nothing stored, allocates and sees the budget line move; another
 * municipality's resident is refused, also by URL; a provider's JW315 arrives and is answered from the worklist
 * before its deadline (then changed and ended), another is rejected with a reason. Forms are sent with the keyboard
 * (Enter); axe-core on every screen; a screenshot of each in docs/screens/. Beside the walk: a session that expires mid-form keeps what was
 * typed, and a form sent twice (a double click, a browser retry) registers once.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessOfficerWalkBrowserIT extends RealInfrastructure {
    static final Path SCREENS = Path.of("..", "docs", "screens");
    static final String WEERT = "0988";
    static final String NEDERWEERT = "0946";
    static final String SEGMENT = "DAY_TREATMENT";
    static final long TARIFF = 105_00;

    @Inject
    EmbeddedServer server;
    @Inject
    EventJson json;
    Browser browser;
    Api api;
    Contracts contracts;
    final LocalDate today = LocalDate.now();
    final String brug = Contracts.randomAgb();
    final String groeikracht = Contracts.randomAgb();
    final String product = Contracts.randomProductCode();
    final String childName = "Daan Coenen " + ThreadLocalRandom.current().nextInt(1000, 9999);
    String budgetLine;
    String childBsn;

    @Override
    protected String databaseName() {
        return "access";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("istandaarden.schema-dir", schemaDirectory().toString());
    }

    @BeforeAll
    void weertHasContractsProvidersAndABudget() {
        api = new Api(base());
        contracts = new Contracts(json);
        provider(brug, "Jeugdhulp De Brug", List.of("Weert", "Nederweert"), 24, 8, "31");
        provider(groeikracht, "Praktijk Groeikracht", List.of("Weert", "Leudal", "Roermond"), 9, 6, "32");
        contracts.signPxqIn(SEGMENT, brug, product, TARIFF, WEERT, NEDERWEERT);
        contracts.signPxqIn(SEGMENT, groeikracht, product, 112_50, WEERT);
        budgetLine = new AccessApi(api, tokens).budget(WEERT, today.getYear(), SEGMENT, 5_000_00L);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from contract where provider_agb in (?, ?)",
                brug, groeikracht) == 2 && count("select count(*) from provider_figure where provider_agb in (?, ?) and "
                + "waiting_reports = 2 and outcome_reports = 2 and stops = 2", brug, groeikracht) == 2);
        browser = Browser.start();
    }

    /** A provider with its areas and two of each report, as provider-service would publish them. */
    private void provider(String agb, String name, List<String> areas, int waitingDays, int satisfaction,
                          String secondStop) {
        UUID id = UUID.randomUUID();
        contracts.publish(Topics.PROVIDERS_V1, new ProviderRegistered(UUID.randomUUID(), Instant.now(), id, agb,
                "12345678", name, "YOUTH_CARE"));
        contracts.publish(Topics.PROVIDERS_V1, new ProviderUpdated(UUID.randomUUID(), Instant.now(), id, agb,
                "12345678", name, "YOUTH_CARE", true, areas, 40));
        for (int i = 0; i < 2; i++) {
            UUID allocation = UUID.randomUUID();
            contracts.publish(Topics.PROVIDER_REPORTS_V1, new WaitingTimeReported(UUID.randomUUID(), Instant.now(),
                    allocation, agb, WEERT, today.minusDays(60), today.minusDays(60 - waitingDays), waitingDays));
            contracts.publish(Topics.PROVIDER_REPORTS_V1, new OutcomeReported(UUID.randomUUID(), Instant.now(),
                    allocation, agb, WEERT, "p".repeat(64), "YES", satisfaction));
            contracts.publish(Topics.PROVIDER_REPORTS_V1, new CareStopped(UUID.randomUUID(), Instant.now(), allocation,
                    agb, WEERT, "p".repeat(64), today.minusDays(5), i == 0 ? "31" : secondStop));
        }
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void anOfficerRegistersTriagesPlansChoosesAllocatesAndSeesTheBudgetMove() throws SQLException {
        // sign in at the identity provider; the worklist opens
        browser.open(base() + "/toegang/");
        awaitUrlStarting(Infra.oidc().issuer() + "/authorize");
        browser.signInAs("Toegangsmedewerker Weert (0988)");
        awaitHeading("Werkvoorraad");
        keyboardReaches("a.button", "Inwoner zoeken of registreren");
        browser.driver().findElement(By.linkText("Inwoner zoeken of registreren")).sendKeys(Keys.ENTER);
        awaitHeading("Inwoner zoeken of registreren");

        // a BSN with a typing error: said as it is typed, refused by the server, nothing stored
        childBsn = Fixtures.testBsn();
        String typo = childBsn.substring(0, 8) + ((childBsn.charAt(8) - '0' + 1) % 10);
        type("bsn", typo);
        assertTrue(browser.text(By.id("bsn-controle")).contains("klopt niet"), browser.text(By.id("bsn-controle")));
        type("name", childName);
        date("birthDate", LocalDate.of(2015, 3, 14));
        send("registreer");
        awaitText(By.id("bsn-fout"), "elfproef");
        assertEquals("true", browser.driver().findElement(By.id("bsn")).getAttribute("aria-invalid"));
        assertEquals(childName, browser.driver().findElement(By.id("name")).getAttribute("value"), "what was typed stays");
        assertEquals(0, count("select count(*) from client where name = ?", childName), "nothing stored");
        look("the refused registration", "toegang-inwoner-registreren.png");

        // corrected: registered, the file opens
        type("bsn", childBsn);
        assertTrue(browser.text(By.id("bsn-controle")).contains("klopt"), browser.text(By.id("bsn-controle")));
        send("registreer");
        awaitHeading(childName);
        assertEquals(1, count("select count(*) from client where name = ?", childName));
        String clientId = lastPathPart(browser.url());

        // found again by BSN (in the body, never in the address)
        browser.open(base() + "/toegang/clienten");
        type("zoek-bsn", childBsn);
        browser.driver().findElement(By.id("zoek-bsn")).sendKeys(Keys.ENTER);
        awaitHeading(childName);
        assertFalse(browser.url().contains(childBsn), "the BSN never goes into a URL: " + browser.url());

        // the GP's referral
        browser.driver().findElement(By.id("nieuwe-verwijzing")).sendKeys(Keys.ENTER);
        awaitHeading("Verwijzing voor " + childName);
        assertEquals("02", new Select(browser.driver().findElement(By.id("referrerType"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertTrue(browser.text(By.cssSelector("#referrerType option[value='02']")).equals("02 · Huisarts"));
        type("referrerName", "Huisartsenpraktijk De Kempen");
        type("question", "Angstklachten, loopt vast op school");
        look("the referral intake", "toegang-verwijzing.png");
        send("verwijzing-opslaan");
        awaitHeading("Verwijzing van " + childName);
        String referralId = lastPathPart(browser.url());

        // triage with the region's words; a specialist outcome without its profile is refused at the field first
        browser.driver().findElement(By.id("uitkomst-SPECIALIST_CARE")).sendKeys(Keys.SPACE);
        new Select(browser.driver().findElement(By.id("segment"))).selectByValue(SEGMENT);
        send("triage-opslaan");
        awaitText(By.cssSelector("#triage .error, form .error"), "specialistische zorg");
        assertTrue(browser.text(By.id("triage-uitkomst")).contains("nog niet getrieerd"), "nothing stored");
        assertTrue(browser.text(By.cssSelector("label[for='uitkomst-NORMALISED']")).equals("Opgelost in het gewone leven"));
        new Select(browser.driver().findElement(By.id("profile"))).selectByValue("P3");
        new Select(browser.driver().findElement(By.id("intensity"))).selectByValue("3");
        send("triage-opslaan");
        awaitText(By.id("triage-uitkomst"), "Specialistische zorg nodig · DAY_TREATMENT · Dagbehandeling · profiel P3");
        look("the referral with its triage", "toegang-triage.png");

        // the family plan with goals across domains
        browser.open(base() + "/toegang/clienten/" + clientId);
        browser.driver().findElement(By.id("gezinsplan")).sendKeys(Keys.ENTER);
        awaitHeading("Gezinsplan opstellen");
        new Select(browser.driver().findElement(By.id("domain"))).selectByValue("EDUCATION");
        type("description", "Daan gaat weer elke dag naar school");
        date("targetDate", today.plusMonths(3));
        send("gezinsplan-opslaan");
        awaitHeading("Gezinsplan · Gezin " + childName.substring(childName.lastIndexOf(' ') + 1));
        new Select(browser.driver().findElement(By.id("domain"))).selectByValue("WORK_AND_INCOME");
        type("description", "Moeder vindt werk voor twee dagen per week");
        send("doel-toevoegen");
        awaitText(By.id("doelen"), "Doelen");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.text(By.cssSelector("section[aria-labelledby=doelen] table"))
                .contains("Werk en inkomen"));
        String goals = browser.text(By.cssSelector("section[aria-labelledby=doelen] table"));
        assertTrue(goals.contains("Onderwijs") && goals.contains("Werk en inkomen"), goals);
        look("the family plan", "toegang-gezinsplan.png");

        // choosing the provider with the family
        browser.open(base() + "/toegang/verwijzingen/" + referralId);
        browser.driver().findElement(By.id("aanbieder-kiezen")).sendKeys(Keys.ENTER);
        awaitHeading("Aanbieder kiezen met het gezin van " + childName);
        new Select(browser.driver().findElement(By.id("product"))).selectByValue(product);
        date("van", today);
        date("tot", today.plusDays(27));
        send("aanbieders-tonen");
        awaitText(By.id("keuze"), "Praktijk Groeikracht");
        String choice = browser.text(By.id("keuze"));
        assertTrue(choice.contains("Jeugdhulp De Brug (AGB " + brug + ")") && choice.contains("24 dagen (2)")
                && choice.contains("8,0 (2)") && choice.contains("0,0 % (2)") && choice.contains("Weert, Nederweert"),
                choice);
        assertTrue(choice.contains("9 dagen (2)") && choice.contains("50,0 % (2)") && choice.contains("€ 112,50 per 04 · uur"),
                choice);
        assertTrue(choice.indexOf("De Brug") < choice.indexOf("Groeikracht"), "cheapest first: " + choice);
        look("choosing a provider", "toegang-aanbieder-kiezen.png");
        browser.driver().findElement(By.cssSelector("a[aria-label='Kiezen: Jeugdhulp De Brug']"))
                .sendKeys(Keys.ENTER);
        awaitHeading("Toewijzing voor " + childName);
        assertTrue(browser.driver().findElement(By.id("chosenByFamily")).isSelected(), "the family's choice");

        // 20 hours a week does not fit: shown before sending, refused and explained, nothing stored
        type("volume", "20");
        send("berekenen");
        awaitText(By.id("resterend-daarna"), "past niet");
        send("toewijzen");
        awaitText(By.id("weigering"), "past niet in het budget");
        String refusal = browser.text(By.id("weigering"));
        assertTrue(refusal.contains("€ 8.400,00") && refusal.contains("€ 5.000,00") && refusal.contains("ten hoogste 11")
                && refusal.contains("budgetmandaat") && refusal.contains("budgethouder"), refusal);
        assertEquals(0, count("select count(*) from allocation where referral_id = ?::uuid", referralId), "nothing stored");
        assertEquals(0, count("select committed_cents from budget_line where id = ?::uuid", budgetLine));
        look("an over-budget allocation refused", "toegang-toewijzing-geweigerd.png");

        // 2 hours a week for four weeks at EUR 105: EUR 840 committed, EUR 4,160 left
        type("volume", "2");
        send("berekenen");
        awaitText(By.id("verplicht"), "€ 840,00");
        assertTrue(browser.text(By.id("resterend-daarna")).contains("€ 4.160,00"), browser.text(By.id("resterend-daarna")));
        look("the allocation form before sending", "toegang-toewijzing.png");
        send("toewijzen");
        awaitText(By.id("status"), "Lopend");
        assertTrue(browser.text(By.cssSelector("main")).contains("gekozen door het gezin"));
        assertEquals(84_000, count("select committed_cents from budget_line where id = ?::uuid", budgetLine));
        assertEquals(1, count("select count(*) from allocation where referral_id = ?::uuid and chosen_by_family", referralId));
        look("the allocation", "toegang-toewijzing-detail.png");

        // the budget line moved
        browser.open(base() + "/toegang/budget");
        awaitHeading("Budget " + today.getYear());
        String lines = browser.text(By.id("budgetregels"));
        assertTrue(lines.contains("DAY_TREATMENT · Dagbehandeling € 5.000,00 € 840,00 € 0,00 € 4.160,00")
                && lines.contains("16,8 %"), lines);
        look("the budget lines", "toegang-budget.png");

        // the file, with who read it
        browser.open(base() + "/toegang/clienten/" + clientId);
        awaitHeading(childName);
        String trail = browser.text(By.id("auditspoor"));
        assertTrue(trail.contains("toegang-0988 (toegangsmedewerker, 0988)") && trail.contains("dossier gezocht op BSN")
                && trail.contains("dossier geregistreerd") && trail.contains("verwijzing triage vastgelegd")
                && trail.contains("toewijzing toegewezen"), trail);
        look("the resident's file", "toegang-dossier.png");
    }

    @Test
    @Order(2)
    void anotherMunicipalitysResidentIsRefusedAlsoByEditingTheUrl() throws SQLException {
        AccessApi nederweert = new AccessApi(api, tokens);
        String resident = nederweert.registerClient(NEDERWEERT);
        String referral = nederweert.registerReferral(NEDERWEERT, resident);
        signedInAsWeert();
        for (String path : List.of("/toegang/clienten/" + resident, "/toegang/verwijzingen/" + referral,
                "/toegang/clienten/" + resident + "/verwijzing", "/toegang/verwijzingen/" + referral + "/aanbieders")) {
            browser.open(base() + path);
            awaitHeading("Geen toegang");
            assertFalse(browser.text(By.tagName("body")).contains("Sanne de Vries"), path);
        }
        look("another municipality's file refused", "toegang-geen-toegang.png");
        String bsn = oneString("select bsn from client where id = ?::uuid", resident);
        browser.open(base() + "/toegang/clienten");
        type("zoek-bsn", bsn);
        browser.driver().findElement(By.id("zoek-bsn")).sendKeys(Keys.ENTER);
        awaitText(By.id("niet-gevonden"), "Geen inwoner met dit BSN in uw gemeente");
        Api.Response forbidden = new Api(base()).send("GET", "/toegang/clienten/" + resident, null, null, null,
                Map.of("Cookie", "JWT=" + tokens.accessOfficer(WEERT), "Accept", "text/html"));
        assertEquals(403, forbidden.status());
    }

    @Test
    @Order(3)
    void aProvidersJw315ArrivesAndIsAnsweredFromTheWorklistBeforeItsDeadline() throws SQLException {
        String bsn = Fixtures.testBsn();
        String reference = "REF-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Api.Response answer = api.send("POST", "/api/v1/messages", tokens.provider(brug), "application/xml",
                jw315(bsn, reference), Map.of("Accept", "application/xml"));
        assertEquals(200, answer.status(), answer.toString());
        assertTrue(answer.body().contains("0200"), answer.body());
        String requestName = "";
        signedInAsWeert();
        browser.open(base() + "/toegang/");
        awaitHeading("Werkvoorraad");
        WebElement row = browser.driver().findElements(By.cssSelector("section[aria-labelledby=verzoeken] tbody tr"))
                .stream().filter(r -> r.getText().contains(reference)).findFirst()
                .orElseThrow(() -> new AssertionError("the request is not on the worklist: "
                        + browser.text(By.cssSelector("section[aria-labelledby=verzoeken]"))));
        assertTrue(row.getText().contains("Jeugdhulp De Brug (AGB " + brug + ")") && row.getText().contains("5 werkdagen"),
                row.getText());
        row.findElement(By.tagName("a")).sendKeys(Keys.ENTER);
        awaitHeading("Verzoek om toewijzing (JW315) voor " + requestName);
        assertTrue(browser.text(By.id("termijn")).contains("nog 5 werkdagen"), browser.text(By.id("termijn")));
        look("a provider's request", "toegang-verzoek.png");
        browser.driver().findElement(By.id("uitkomst-SPECIALIST_CARE")).sendKeys(Keys.SPACE);
        new Select(browser.driver().findElement(By.id("segment"))).selectByValue(SEGMENT);
        new Select(browser.driver().findElement(By.id("profile"))).selectByValue("P2");
        new Select(browser.driver().findElement(By.id("intensity"))).selectByValue("2");
        send("triage-opslaan");
        awaitText(By.id("triage-uitkomst"), "Specialistische zorg nodig");
        browser.driver().findElement(By.id("toewijzen-aan-aanvrager")).sendKeys(Keys.ENTER);
        awaitHeading("Toewijzing voor " + requestName);
        new Select(browser.driver().findElement(By.id("productCode"))).selectByValue(product);
        type("volume", "2");
        date("validFrom", today);
        date("validTo", today.plusDays(27));
        send("berekenen");
        awaitText(By.id("verplicht"), "€ 840,00");
        send("toewijzen");
        awaitText(By.id("status"), "Lopend");
        String allocation = lastPathPart(browser.url());

        // reassessed: 3 hours a week instead of 2 (EUR 1,260 committed), then ended today, which releases the rest
        type("wijzig-volume", "3");
        send("wijziging-opslaan");
        awaitText(By.id("verplicht"), "€ 1.260,00");
        assertEquals(126_000, count("select committed_cents from allocation where id = ?::uuid", allocation));
        date("einde-datum", today);
        new Select(browser.driver().findElement(By.id("einde-reden"))).selectByValue("31");
        send("beeindigen-opslaan");
        awaitText(By.id("status"), "Beëindigd");
        assertTrue(browser.text(By.id("status")).contains("31 · Levering is volgens plan beëindigd"),
                browser.text(By.id("status")));
        // one day of 3 hours a week at EUR 105 stays committed: EUR 45
        assertEquals(4_500, count("select committed_cents from allocation where id = ?::uuid", allocation));
        String request = oneString("select r.id::text from referral r join message_request m on m.referral_id = r.id "
                + "where m.provider_reference = ?", reference);
        assertEquals("ALLOCATED", oneString("select answer from referral where id = ?::uuid", request));
        assertEquals(today, LocalDate.parse(oneString("select answered_on::text from referral where id = ?::uuid", request)));
        browser.open(base() + "/toegang/");
        awaitHeading("Werkvoorraad");
        assertFalse(browser.text(By.cssSelector("section[aria-labelledby=verzoeken]")).contains(reference),
                "answered: off the worklist");

        // another request is rejected with a reason
        String second = new AccessApi(api, tokens).registerRequest(WEERT, new AccessApi(api, tokens).registerClient(WEERT),
                groeikracht, today.toString());
        browser.open(base() + "/toegang/verwijzingen/" + second);
        new Select(browser.driver().findElement(By.id("reasonCode"))).selectByValue("3");
        type("reason", "Geen contract voor dit product in Weert");
        send("afwijzen-versturen");
        awaitText(By.id("antwoord"), "afgewezen: 3 · Geen contract (Geen contract voor dit product in Weert)");
        assertEquals("REJECTED", oneString("select answer from referral where id = ?::uuid", second));
    }

    @Test
    @Order(4)
    void aSessionThatExpiresMidFormKeepsWhatWasTypedAfterTheNewLogin() throws SQLException {
        String resident = new AccessApi(api, tokens).registerClient(WEERT);
        Instant expires = Instant.now().plusSeconds(15);
        browser.useSession(base(), tokens.sign("toegang-0988", List.of("ACCESS_OFFICER"), "municipality", WEERT,
                Duration.between(Instant.now(), expires)));
        browser.open(base() + "/toegang/clienten/" + resident + "/verwijzing");
        awaitHeading("Verwijzing voor ");
        String question = "Slaapt slecht sinds de verhuizing " + UUID.randomUUID();
        type("referrerName", "Jeugdarts Van Dijk");
        new Select(browser.driver().findElement(By.id("referrerType"))).selectByValue("03");
        type("question", question);
        // the session runs out while the officer types
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(expires.plusSeconds(2)));
        send("verwijzing-opslaan");
        awaitUrlStarting(Infra.oidc().issuer() + "/authorize");
        assertEquals(0, count("select count(*) from referral where question like ?", question + "%"));
        browser.signInAs("Toegangsmedewerker Weert (0988)");
        awaitHeading("Verwijzing voor ");
        assertEquals(question, browser.driver().findElement(By.id("question")).getAttribute("value"),
                "what was typed is back after the new login");
        assertEquals("Jeugdarts Van Dijk", browser.driver().findElement(By.id("referrerName")).getAttribute("value"));
        assertEquals("03", new Select(browser.driver().findElement(By.id("referrerType"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertTrue(browser.driver().findElement(By.cssSelector("[data-concept-melding]")).isDisplayed(),
                "the officer is told the form was restored");
        send("verwijzing-opslaan");
        awaitHeading("Verwijzing van ");
        assertEquals(1, count("select count(*) from referral where question like ?", question + "%"));
    }

    @Test
    @Order(5)
    void aFormSentTwiceRegistersOnce() throws IOException, InterruptedException, SQLException {
        String session = tokens.accessOfficer(WEERT);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(base() + "/toegang/clienten")).header("Cookie",
                "JWT=" + session).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString()).body();
        String csrf = hidden(page, "csrf");
        String key = hidden(page, "idempotencyKey");
        String name = "Dubbel Verstuurd " + UUID.randomUUID();
        String form = "csrf=" + csrf + "&idempotencyKey=" + key + "&actie=registreren&bsn=" + Fixtures.testBsn()
                + "&name=" + name.replace(' ', '+') + "&birthDate=2016-06-01";
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base() + "/toegang/clienten"))
                    .header("Cookie", "JWT=" + session).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(303, sent.statusCode(), sent.body());
            locations.add(sent.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", ""));
        }
        assertEquals(locations.get(0), locations.get(1), "the second is sent to what the first made");
        assertEquals(1, count("select count(*) from client where name = ?", name));
    }

    // ---- the browser, as a person uses it ---------------------------------------------------------------------

    private void signedInAsWeert() {
        browser.useSession(base(), tokens.sign("toegang-0988", List.of("ACCESS_OFFICER"), "municipality", WEERT,
                Duration.ofHours(1)));
    }

    private void type(String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A date input takes the digits in the browser's own order (nl-NL: day, month, year). */
    private void date(String id, LocalDate date) {
        browser.js("const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('input', {bubbles: true}));", id, date.toString());
    }

    /** Sends a form with its button by keyboard. */
    private void send(String buttonId) {
        String before = String.valueOf(browser.js("return document.body.dataset.sent = String(Math.random())"));
        browser.driver().findElement(By.id(buttonId)).sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(30)).until(() -> !before.equals(String.valueOf(
                browser.js("return document.body.dataset.sent || ''"))));
    }

    /** Tab from the top of the page reaches the element, whose focus is visible (an outline). */
    private void keyboardReaches(String css, String text) {
        browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        WebElement target = browser.driver().findElements(By.cssSelector(css)).stream()
                .filter(e -> e.getText().strip().equals(text)).findFirst().orElseThrow();
        for (int i = 0; i < 25; i++) {
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            if (target.equals(browser.driver().switchTo().activeElement())) {
                Object outline = browser.js("const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' '"
                        + " + s.outlineWidth;", target);
                assertEquals("solid 3px", outline, "focus is visible on " + text);
                return;
            }
        }
        throw new AssertionError("Tab does not reach " + text);
    }

    private void look(String what, String screenshot) {
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), what);
        browser.screenshot(SCREENS.resolve(screenshot));
    }

    private void awaitHeading(String start) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                List<WebElement> h1 = browser.driver().findElements(By.tagName("h1"));
                return !h1.isEmpty() && h1.get(0).getText().startsWith(start);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no page '" + start + "' but " + browser.url() + ": "
                    + browser.text(By.tagName("body")), e);
        }
    }

    private void awaitText(By by, String part) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                List<WebElement> found = browser.driver().findElements(by);
                return found.stream().anyMatch(e -> e.getText().replace('\u00a0', ' ').replace('\u202f', ' ')
                        .contains(part));
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no '" + part + "' at " + by + " on " + browser.url() + ": "
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

    private static String lastPathPart(String url) {
        String path = URI.create(url).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String hidden(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), name + " in " + page);
        return m.group(1);
    }

    // ---- the provider's message and the database -------------------------------------------------------------

    /** A JW315 of De Brug for a new child of Weert, one product, valid against the standard's XSD. */
    private String jw315(String bsn, String reference) {
        String id = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        String example;
        try {
            example = Files.readString(schemaDirectory().resolve("ijw-3.2").resolve("JW315.xml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return example.replace(">42420001<", ">" + brug + "<").replace(">0384<", ">" + WEERT + "<")
                .replace(">123456789012<", ">" + id + "<").replace("<ijw:Dagtekening>2026-04-01<",
                        "<ijw:Dagtekening>" + today + "<")
                .replace(">999900006<", ">" + bsn + "<").replace(">40A12341234<", ">" + reference + "<")
                .replaceFirst("<ijw:Categorie>55</ijw:Categorie>", "<ijw:Categorie>" + product.substring(0, 2)
                        + "</ijw:Categorie>").replace(">55A11<", ">" + product + "<")
                .replace("<jw315:ToewijzingIngangsdatum>2026-04-01<", "<jw315:ToewijzingIngangsdatum>" + today + "<")
                .replace("2027-06-31", today.plusDays(27).toString())
                .replace("<jw315:BeschikkingIngangsdatum>2026-03-15<", "<jw315:BeschikkingIngangsdatum>" + today + "<")
                .replaceFirst("(?s)</jw315:AangevraagdProduct>\\s*<jw315:AangevraagdProduct>.*?</jw315:AangevraagdProduct>",
                        "</jw315:AangevraagdProduct>");
    }

    static Path schemaDirectory() {
        return MessageSchemas.directory(Path.of("../../shared/istandaarden")).toAbsolutePath().normalize();
    }

    private long count(String sql, Object... args) throws SQLException {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private String oneString(String sql, Object... args) throws SQLException {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(Infra.postgresDatabase("access"), Infra.postgres().user(),
                Infra.postgres().password());
    }

    private String base() {
        return server.getURL().toString();
    }
}
