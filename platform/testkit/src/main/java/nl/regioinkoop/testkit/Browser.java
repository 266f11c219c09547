package nl.regioinkoop.testkit;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Headless Chromium (Debian's chromium and chromedriver, see deploy/ensure-chromium.sh) for tests that use the
 * screens as a person would: sign in through the OIDC server's login page, check a page with axe-core, take a
 * screenshot. A module with browser tests adds selenium-java and org.webjars.npm:axe-core in test scope.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Fails (never skips) without Chromium: a browser test that passes by not running proves nothing. */
    public static Browser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("Headless Chromium is needed for the browser tests: apt-get install -y chromium"
                    + " chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
        }
        try {
            // the driver is named explicitly so that Selenium Manager never tries to download one
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--window-size=1440,2000", "--lang=nl-NL");
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                    .withEnvironment(Map.of("LANG", "nl_NL.UTF-8", "LANGUAGE", "nl_NL:nl")).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** On the OIDC server's login page: presses the button of the user with this label. */
    public void signInAs(String label) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !driver.findElements(By.tagName("button")).isEmpty());
        driver.findElements(By.tagName("button")).stream()
                .filter(b -> b.getText().strip().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no user " + label + " on the login page " + url()))
                .click();
    }

    /**
     * Signs in without the login page, for tests about a page rather than the login: the session cookie with a
     * token the service accepts, set on the service's origin.
     */
    public void useSession(String baseUrl, String token) {
        driver.get(baseUrl + "/web/regio.css");
        driver.manage().deleteAllCookies();
        driver.manage().addCookie(new Cookie("JWT", token, "/"));
    }

    public String text(By by) {
        return driver.findElement(by).getText().replace('\u00a0', ' ').replace('\u202f', ' ').strip();
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Runs axe-core on the page and returns its serious and critical violations ("rule: nodes"), empty when
     * there are none.
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() {
        js(axeSource());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        return (List<String>) result;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new AssertionError("axe-core is missing: add org.webjars.npm:axe-core 4.6.3 in test scope");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a screenshot (PNG) of the window. */
    public void screenshot(Path target) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String consoleLog() {
        return String.valueOf(driver.manage().logs().get("browser").getAll());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
