package com.meetergo.apiauth.web;

import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's credential pages in headless Chromium (Debian's, installed by
 * src/test/browser/ensure-chromium): sign in by pasting a PAT, create a credential and see it
 * once, reload and find only its hint, use it against the API, revoke it in the page, and see the
 * API refuse it. Screenshots go to target/screenshots.
 */
class ConsolePagesIT extends ApiTest {

    private static final String BASE = "http://localhost:" + System.getProperty("it.http.port", "9180");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private WebDriver browser;
    private WebDriverWait wait;
    /** Console lines a test expects (Chromium logs every 4xx answer to fetch()). */
    private String expectedInConsole = "\u0000";

    @BeforeEach
    void startChromium() {
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        var options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900");
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            var problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(Object::toString)
                    .filter(line -> !line.contains(expectedInConsole)).toList();
            browser.quit();
            assertEquals(List.of(), problems, "the browser's console (CSP violations, script errors)");
        }
    }

    @Test
    void anOwnerCreatesAnApiKeySeesItOnceUsesItAndRevokesIt() throws IOException {
        var tenant = Tenant.create();
        signIn("/admin/api-keys", tenant.ownerToken());
        assertEquals("Signed in as " + email(tenant) + " (owner)", text("who"));

        type("name", "browser key");
        type("expires-in-days", "30");
        browser.findElement(By.cssSelector("#create button[type=submit]")).click();
        var secret = shownSecret();
        assertTrue(secret.startsWith("ak_live:"), secret);
        assertEquals("Copy it now: it won't be shown again.", browser.findElement(By.cssSelector("#created .warning"))
                .getText());
        browser.findElement(By.id("copy")).click();
        wait.until(ExpectedConditions.textToBe(By.id("copied"), "Copied."));
        var id = rowWithName("browser key").getDomAttribute("data-id");

        browser.navigate().refresh();
        var row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-id='" + id + "']")));
        assertFalse(browser.getPageSource().contains(secret), "the key is shown once only");
        var hint = row.findElements(By.tagName("td")).get(1).getText();
        assertTrue(hint.endsWith("…") && secret.startsWith(hint.substring(0, hint.length() - 1))
                && hint.length() < secret.length() - 20, "the hint, not the key: " + hint);
        assertEquals("active", row.findElement(By.className("status")).getText());
        screenshot("admin-api-keys");

        var works = Api.get("/v4/user/me").bearer(secret).actingAs(tenant.ownerId()).send();
        assertEquals(200, works.status(), works::toString);

        row.findElement(By.cssSelector("button[data-action=revoke]")).click();
        var confirm = wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(confirm.getText().startsWith("Revoke API key \"browser key\"?"), confirm.getText());
        confirm.accept();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("tr[data-id='" + id + "'] .status"), "revoked"));
        assertInvalidCredential(Api.get("/v4/user/me").bearer(secret).actingAs(tenant.ownerId()).send());
    }

    @Test
    void aUserCreatesAPersonalAccessTokenSeesItOnceAndUsesIt() throws IOException {
        var tenant = Tenant.create();
        signIn("/integrations", tenant.ownerToken());

        type("name", "nightly export");
        browser.findElement(By.cssSelector("#create button[type=submit]")).click();
        var secret = shownSecret();
        assertTrue(secret.startsWith("rgo-"), secret);
        var id = rowWithName("nightly export").getDomAttribute("data-id");

        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-id='" + id + "']")));
        assertFalse(browser.getPageSource().contains(secret), "the token is shown once only");
        screenshot("integrations");

        var me = Api.get("/v4/user/me").bearer(secret).send();
        assertEquals(200, me.status(), me::toString);
        assertEquals(tenant.ownerId(), me.string("id"));
    }

    @Test
    void aWrongCredentialIsRefusedInThePage() {
        expectedInConsole = "/v4/user/me - Failed to load resource: the server responded with a status of 401";
        browser.get(BASE + "/integrations");
        type("credential", "rgo-not-a-real-token");
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("error"), "Invalid API key"));
        assertFalse(browser.findElement(By.id("console")).isDisplayed());
        assertEquals(0L, ((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return sessionStorage.length")).longValue(), "nothing kept after a refusal");
    }

    /** The pages and their files carry the strict policy; nothing else of WEB-INF is reachable. */
    @Test
    void pagesAreServedWithAStrictContentSecurityPolicy() throws Exception {
        var client = HttpClient.newHttpClient();
        for (var path : List.of("/admin/api-keys", "/integrations", "/assets/console.js", "/assets/console.css",
                "/assets/favicon.svg")) {
            var answer = client.send(HttpRequest.newBuilder(URI.create(BASE + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), path);
            assertEquals(Map.of(
                    "content-security-policy", List.of("default-src 'none'; script-src 'self'; style-src 'self';"
                            + " connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none';"
                            + " frame-ancestors 'none'"),
                    "x-content-type-options", List.of("nosniff"),
                    "referrer-policy", List.of("no-referrer"),
                    "cache-control", List.of("no-store")),
                    Map.of("content-security-policy", answer.headers().allValues("content-security-policy"),
                            "x-content-type-options", answer.headers().allValues("x-content-type-options"),
                            "referrer-policy", answer.headers().allValues("referrer-policy"),
                            "cache-control", answer.headers().allValues("cache-control")), path);
            assertTrue(answer.headers().allValues("set-cookie").isEmpty(), path + " sets no cookie");
        }
        var missing = Api.get("/assets/api-keys.html").send();
        assertEquals(404, missing.status());
        assertEquals("application/json", missing.contentType());
        assertEquals("{\"statusCode\":404,\"message\":\"Not Found\",\"error\":\"Not Found\"}", missing.body());
    }

    private void signIn(String page, String token) {
        browser.get(BASE + page);
        type("credential", token);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
        assertTrue(browser.getCurrentUrl().equals(BASE + page), "no credential in the URL: " + browser.getCurrentUrl());
    }

    private String shownSecret() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("created")));
        return browser.findElement(By.id("secret")).getDomProperty("value");
    }

    private WebElement rowWithName(String name) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//table[@id='credentials']//tr[td[1][normalize-space()='" + name + "']]")));
    }

    private void type(String id, String value) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private String text(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    private static String email(Tenant tenant) {
        return Api.get("/v4/user/me").bearer(tenant.ownerToken()).send().string("email");
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        var png = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
