package nl.regioinkoop.monitoring.dashboard;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.regioinkoop.kit.consumer.EventJson;
import nl.regioinkoop.monitoring.ConsumerLag;
import nl.regioinkoop.monitoring.RegionScenario;
import nl.regioinkoop.testkit.Api;
import nl.regioinkoop.testkit.Infra;
import nl.regioinkoop.testkit.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real headless Chromium against the real service: the scripted region of 2032 must show up in
 * the figures and in the charts' data, for the region and for one municipality. Screenshots go to
 * target/dashboard.png and target/dashboard-municipality.png. Without Chromium this test fails: it never passes
 * by skipping.
 */
@MicronautTest(transactional = false)
class DashboardBrowserIT extends RealInfrastructure {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Inject
    EmbeddedServer server;
    @Inject
    EventJson json;
    WebDriver browser;
    Path profile;
    RegionScenario region = new RegionScenario(2032, "2222");

    @Override
    protected String databaseName() {
        return "monitoring";
    }

    @Override
    protected Map<String, String> extraProperties() {
        // the run-rate: it reads only the line's own year, so the other classes' years in this database (the
        // history method's seasonality reads the previous one) cannot change the figures; FiguresIT covers history
        return Map.of("test.today", "2032-04-15", "monitoring.signals.upcoding-min-allocations", "2",
                "monitoring.forecast.method", "run-rate");
    }

    @BeforeAll
    void startBrowserAndPublishTheRegion() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Headless Chromium is needed for the dashboard test: apt-get install -y chromium chromium-driver ("
                        + CHROMIUM + ", " + CHROMEDRIVER + ")");
        region.publish(Infra.kafkaBootstrapServers(), json);
        ConsumerLag.awaitConsumed(Infra.kafkaBootstrapServers(), RegionScenario.TOPIC_BY_GROUP);

        // the driver is named explicitly so that Selenium Manager never tries to download one
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1440,2000", "--lang=nl-NL");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("LANG", "nl_NL.UTF-8", "LANGUAGE", "nl_NL:nl")).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theRegionViewShowsTheFiguresAndCharts() throws IOException {
        open(tokens.regionAnalyst("MLW"));
        assertEquals("4", text("kpi-clients"));
        assertEquals("€ 7.200", text("kpi-spend"));
        assertEquals("€ 15.000", text("kpi-budget"));
        // 2032 is a leap year; known through 31 March. Weert: 180,000 declared + a1 (100,000 for 182 days, the only
        // care still running) 91 days left and 184 days extended = 331,099; Nederweert: 40,000 + a4 400,000 x 275 / 366
        // = 340,546
        assertEquals("€ 6.716", text("kpi-forecast"), "331,099 + 340,546 cents");
        assertTrue(text("kpi-forecast-sub").contains("(run-rate)"), text("kpi-forecast-sub"));
        assertTrue(text("budget-assumption").startsWith("Methode run-rate"), text("budget-assumption"));
        // upcoding, ceiling, overdue request: no line is forecast over its budget
        assertEquals("3", text("kpi-signals"));
        assertEquals("5.293", text("m-hhi"));
        assertEquals("100,0 %", text("m-top3"));

        assertEquals(List.of("AMBULANT", "VERBLIJF"), js("return dashboard.charts.pyramid.data.labels"));
        assertEquals(List.of(30.6, 69.4), js("return dashboard.charts.pyramid.data.datasets[1].data"));
        assertEquals(List.of("Cura Verblijf", "Zorggroep Aurora", "Jeugdhulp Bastion"),
                js("return dashboard.charts.providers.data.labels"));
        assertEquals(List.of("0946 · AMBULANT", "0988 · AMBULANT"), js("return dashboard.charts.budgets.data.labels"));
        assertEquals(3L, js("return document.querySelectorAll('#signals li').length"));
        assertTrue(text("signals").contains("Gemiddelde intensiteit 4,0 in AMBULANT")
                && text("signals").contains("Jeugdhulp Bastion (" + region.b + ")"), text("signals"));
        assertTrue(text("table-scorecards").contains("€ 600,00"), "cost per client of A: " + text("table-scorecards"));

        String csv = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/v1/pyramid?format=csv&from=2032-01-01&to=2032-12-31', {credentials: 'same-origin'})
                  .then(r => r.text()).then(done);""");
        assertTrue(csv.startsWith("segment,clients,"), csv);
        screenshot("dashboard.png");
        Files.copy(Path.of("target", "dashboard.png"), Path.of("..", "docs", "screens", "dashboard.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aMunicipalityAnalystSeesTheirMunicipalityAgainstTheRegion() throws IOException {
        open(tokens.municipalityAnalyst("0946"));
        assertEquals("1", text("kpi-clients"));
        assertEquals("€ 400", text("kpi-spend"));
        assertEquals("regio: 4", text("kpi-clients-sub"));
        assertEquals("0946", js("return document.getElementById('f-municipality').value"));
        assertEquals(List.of(30.6), js("return dashboard.charts.pyramid.data.datasets[2].data"),
                "the region's spend shares beside Nederweert's");
        assertEquals(1L, js("return document.querySelectorAll('#signals li').length"), "only the regional ceiling");
        screenshot("dashboard-municipality.png");
    }

    @Test
    void aProviderSeesOnlyItsOwnScorecard() throws IOException {
        open(tokens.provider(region.b));
        assertEquals(List.of("scorecards"), js("return [...document.querySelectorAll('.card')]"
                + ".filter(c => !c.hidden).map(c => c.dataset.figure)"));
        assertEquals(false, js("return document.querySelector('.kpis').checkVisibility()"), "no region figures");
        String table = text("table-scorecards");
        assertTrue(table.contains("Jeugdhulp Bastion") && !table.contains("Zorggroep Aurora"), table);
        assertTrue(table.contains("100,0 %"), "B's dropout rate: " + table);
        screenshot("dashboard-provider.png");
    }

    @Test
    void theStaticPageIsPublicButTheDataIsNot() {
        Api api = new Api(base());
        assertEquals(200, api.get("/dashboard/app.js", null).status());
        assertEquals(401, api.get("/dashboard/", null).status(), "the page itself wants a login");
        assertEquals(200, api.get("/webjars/chart.js/4.4.1/dist/chart.umd.js", null).status());
        assertEquals(401, api.get("/api/v1/dimensions", null).status());
    }

    /** Opens the dashboard with a session cookie holding the token (the login itself: LoginBrowserIT). */
    private void open(String token) {
        browser.get(base() + "/web/regio.css");
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new org.openqa.selenium.Cookie("JWT", token, "/"));
        browser.get(base() + "/dashboard/");
        awaitState("ready");
    }

    private void awaitState(String state) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    state.equals(js("return document.body.dataset.state || ''")));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the page did not reach state " + state + " at " + browser.getCurrentUrl()
                    + ": " + browser.findElement(By.tagName("body")).getText() + "\nconsole: "
                    + browser.manage().logs().get("browser").getAll(), e);
        }
    }

    private String base() {
        return server.getURL().toString();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().replace('\u00a0', ' ').replace('\u202f', ' ').strip();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
