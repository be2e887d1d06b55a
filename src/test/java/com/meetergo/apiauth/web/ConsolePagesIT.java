package com.meetergo.apiauth.web;

import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.contract.UsageIT;
import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import com.meetergo.apiauth.support.TestPorts;
import com.meetergo.apiauth.support.WebhookReceiver;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's credential pages in headless Chromium (Debian's, installed by src/test/browser/ensure-chromium): sign
 * in by pasting a PAT, create a credential and see it once, reload and find only its hint, use it against the API,
 * revoke it in the page, and see the API refuse it. Screenshots go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
class ConsolePagesIT {

    /** Webhooks may go to a receiver in this JVM, are polled often, and an endpoint failing for 2 s is disabled. */
    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war(
                ApiTest.NO_ADDRESS_THROTTLE,
                "apiauth.webhook.allow-private-targets=true",
                "apiauth.webhook.poll-interval=PT0.2S",
                "apiauth.webhook.disable-after=PT2S");
    }

    private static final String BASE = "http://localhost:" + TestPorts.http();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private WebDriver browser;
    private WebDriverWait wait;
    /** Console lines a test expects (Chromium logs every 4xx answer to fetch()). */
    private String expectedInConsole = "\u0000";

    @BeforeEach
    void startChromium() {
        startChromium(true);
    }

    private void startChromium(boolean scripts) {
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        var options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1280,900");
        if (!scripts) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    /**
     * With the script blocked (a strict extension, a failed load), Enter in the sign-in field submits the form itself:
     * it must never carry the token into a URL (history, proxies, access logs). The field has no name and the form
     * posts, so nothing of it reaches any URL.
     */
    @Test
    void withTheScriptBlockedEnterNeverPutsTheTokenInAUrl() {
        browser.quit();
        startChromium(false);
        expectedInConsole = "Failed to load resource"; // the 405 of the post, and the favicon of its page
        var token = Tenant.create().ownerToken();
        for (var page : List.of("/admin/api-keys", "/integrations")) {
            browser.get(BASE + page);
            browser.findElement(By.id("credential")).sendKeys(token, Keys.ENTER);
            wait.until(d -> d.getCurrentUrl().contains("?")
                    || d.findElements(By.id("credential")).isEmpty());
            assertEquals(BASE + page, browser.getCurrentUrl(), "the submitted form's URL");
            assertFalse(browser.getPageSource().contains(token), "the answer echoes the token");
        }
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            var problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                    .map(Object::toString)
                    .filter(line -> !line.contains(expectedInConsole))
                    .toList();
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
        assertEquals(
                "Copy it now: it won't be shown again.",
                browser.findElement(By.cssSelector("#created .warning")).getText());
        browser.findElement(By.id("copy")).click();
        wait.until(ExpectedConditions.textToBe(By.id("copied"), "Copied."));
        var id = rowWithName("browser key").getDomAttribute("data-id");

        browser.navigate().refresh();
        var row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-id='" + id + "']")));
        assertFalse(browser.getPageSource().contains(secret), "the key is shown once only");
        var hint = row.findElements(By.tagName("td")).get(1).getText();
        assertTrue(
                hint.endsWith("…")
                        && secret.startsWith(hint.substring(0, hint.length() - 1))
                        && hint.length() < secret.length() - 20,
                "the hint, not the key: " + hint);
        assertEquals("active", row.findElement(By.className("status")).getText());
        screenshot("admin-api-keys");

        var works =
                Api.get("/v4/user/me").bearer(secret).actingAs(tenant.ownerId()).send();
        assertEquals(200, works.status(), works::toString);

        row.findElement(By.cssSelector("button[data-action=revoke]")).click();
        var confirm = wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(confirm.getText().startsWith("Revoke API key \"browser key\"?"), confirm.getText());
        confirm.accept();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("tr[data-id='" + id + "'] .status"), "revoked"));
        assertInvalidCredential(
                Api.get("/v4/user/me").bearer(secret).actingAs(tenant.ownerId()).send());
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

    /** The usage chart's bars are the API's figures, day by day, drawn without loosening the CSP. */
    @Test
    void theUsageChartShowsTheApisFigures() {
        var tenant = Tenant.create();
        var created = Api.post("/v4/api-key", "{\"name\": \"charted\", \"expiresInDays\": 30}")
                .bearer(tenant.ownerToken())
                .send();
        var key = created.string("key");
        var id = created.string("id");
        var random = new SecureRandom();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Api.get("/v4/user/me").bearer(key).send().status());
        }
        assertEquals(400, Api.get("/v4/meeting-type").bearer(key).send().status());
        for (int i = 0; i < 2; i++) {
            assertEquals(
                    401,
                    Api.get("/v4/user/me")
                            .bearer(TokenFormat.newApiKey(random, id))
                            .send()
                            .status());
        }
        UsageIT.awaitJson(
                () -> Api.get("/v4/api-key/" + id + "/usage?days=1")
                        .bearer(tenant.ownerToken())
                        .send(),
                """
                {"credentialId": "%s", "days": [{"date": "%s", "success": 3, "refused": 1, "failed": 2}]}""".formatted(id, com.meetergo.apiauth.contract.UsageIT.today()));
        var api = Api.get("/v4/api-key/" + id + "/usage?days=30")
                .bearer(tenant.ownerToken())
                .send()
                .object()
                .getJsonArray("days");

        signIn("/admin/api-keys", tenant.ownerToken());
        rowWithName("charted")
                .findElement(By.cssSelector("button[data-action=usage]"))
                .click();
        var bars = wait.until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("tr.usage[data-id='" + id + "'] svg.usage-chart g.day"), 30));
        var shown = new ArrayList<String>();
        var expected = new ArrayList<String>();
        for (int i = 0; i < 30; i++) {
            var bar = bars.get(i);
            shown.add(bar.getDomAttribute("data-date") + " " + bar.getDomAttribute("data-success") + "/"
                    + bar.getDomAttribute("data-refused") + "/" + bar.getDomAttribute("data-failed"));
            var day = api.getJsonObject(i);
            expected.add(day.getString("date") + " " + day.getInt("success") + "/" + day.getInt("refused") + "/"
                    + day.getInt("failed"));
        }
        assertEquals(expected, shown);
        assertTrue(expected.get(29).endsWith(" 3/1/2"), expected.get(29));
        var today = bars.get(29);
        assertEquals(3, today.findElements(By.tagName("rect")).size(), "served, refused and failed stacked");
        assertEquals(
                "Requests per day over the last 30 days: 3 served, 1 refused, 2 failed",
                browser.findElement(By.cssSelector("tr.usage svg.usage-chart")).getDomAttribute("aria-label"));
        // beside it, the networks it was used from: the API's, row for row
        var sources = Api.get("/v4/api-key/" + id + "/sources")
                .bearer(tenant.ownerToken())
                .send()
                .object()
                .getJsonArray("sources");
        for (int i = 0; i < 50 && sources.isEmpty(); i++) {
            LockSupport.parkNanos(200_000_000L);
            sources = Api.get("/v4/api-key/" + id + "/sources")
                    .bearer(tenant.ownerToken())
                    .send()
                    .object()
                    .getJsonArray("sources");
        }
        rowWithName("charted")
                .findElement(By.cssSelector("button[data-action=usage]"))
                .click();
        rowWithName("charted")
                .findElement(By.cssSelector("button[data-action=usage]"))
                .click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.usage table.sources td"), 4));
        assertEquals(1, sources.size(), sources.toString());
        var source = sources.getJsonObject(0);
        assertEquals(3, source.getInt("requests"), "the three served requests, from this machine");
        var cells = browser.findElements(By.cssSelector("tr.usage table.sources td")).stream()
                .map(WebElement::getText)
                .toList();
        assertEquals(
                List.of(
                        source.getString("network"),
                        source.getString("firstSeen").substring(0, 16).replace('T', ' ') + " UTC",
                        source.getString("lastSeen").substring(0, 16).replace('T', ' ') + " UTC",
                        "3"),
                cells);
        // the button closes it again
        rowWithName("charted")
                .findElement(By.cssSelector("button[data-action=usage]"))
                .click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.usage"), 0));
    }

    /** Full access preselected; read or write per resource otherwise; what the list shows is what the API holds. */
    @Test
    void scopesAreChosenOnCreationAndShownInTheList() {
        var tenant = Tenant.create();
        signIn("/integrations", tenant.ownerToken());
        assertTrue(browser.findElement(By.id("full-access")).isSelected(), "full access preselected");
        assertFalse(browser.findElement(By.id("per-resource")).isDisplayed());

        type("name", "appointment reader");
        browser.findElement(By.id("full-access")).click();
        new Select(browser.findElement(By.id("scope-appointments"))).selectByVisibleText("Read");
        new Select(browser.findElement(By.id("scope-meeting-types"))).selectByVisibleText("Read and write");
        browser.findElement(By.cssSelector("#create button[type=submit]")).click();
        var secret = shownSecret();
        var row = rowWithName("appointment reader");
        assertEquals(
                "appointments:read, meeting-types:write",
                row.findElement(By.className("scopes")).getText());
        var held = Api.get("/v4/personal-access-token").bearer(tenant.ownerToken()).send().array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> o.getString("id").equals(row.getDomAttribute("data-id")))
                .findFirst()
                .orElseThrow()
                .getJsonArray("scopes")
                .toString();
        assertEquals("[\"appointments:read\",\"meeting-types:write\"]", held);
        assertEquals(200, Api.get("/v4/appointment").bearer(secret).send().status());
        assertEquals(
                403, Api.get("/v4/personal-access-token").bearer(secret).send().status());

        // the form is back to full access for the next one
        assertTrue(browser.findElement(By.id("full-access")).isSelected());
        assertFalse(browser.findElement(By.id("per-resource")).isDisplayed());
        type("name", "everything");
        browser.findElement(By.cssSelector("#create button[type=submit]")).click();
        shownSecret();
        wait.until(ExpectedConditions.textToBe(
                By.xpath("//table[@id='credentials']//tr[td[1][normalize-space()='everything']]/td[3]"),
                "full access"));
        // none at all: the token can only verify and renew itself
        type("name", "nothing");
        browser.findElement(By.id("full-access")).click();
        browser.findElement(By.cssSelector("#create button[type=submit]")).click();
        shownSecret();
        wait.until(ExpectedConditions.textToBe(
                By.xpath("//table[@id='credentials']//tr[td[1][normalize-space()='nothing']]/td[3]"),
                "none (verify and renew itself only)"));
    }

    /** An allowlist typed on creation and replaced from the list: what the page shows is what the API holds. */
    @Test
    void allowedIpsAreSetOnCreationChangedFromTheListAndShown() {
        var tenant = Tenant.create();
        signIn("/admin/api-keys", tenant.ownerToken());
        type("name", "fenced key");
        type("allowed-ips", "127.0.0.1, 2001:DB8::/32  192.0.2.0/24");
        browser.findElement(By.cssSelector("#create button[type=submit]")).click();
        shownSecret();
        var row = rowWithName("fenced key");
        var id = row.getDomAttribute("data-id");
        assertEquals(
                "127.0.0.1, 2001:db8::/32, 192.0.2.0/24",
                row.findElement(By.className("allowed-ips")).getText());
        assertEquals("[\"127.0.0.1\",\"2001:db8::/32\",\"192.0.2.0/24\"]", allowedIpsOf(tenant, id));
        assertEquals("", browser.findElement(By.id("allowed-ips")).getDomProperty("value"), "the form is emptied");

        row.findElement(By.cssSelector("button[data-action='allowed ips']")).click();
        var prompt = wait.until(ExpectedConditions.alertIsPresent());
        assertEquals(
                true, prompt.getText().startsWith("Where may API key \"fenced key\" be used from?"), prompt.getText());
        prompt.sendKeys("198.51.100.0/24 ::1");
        prompt.accept();
        wait.until(ExpectedConditions.textToBe(
                By.cssSelector("tr[data-id='" + id + "'] .allowed-ips"), "198.51.100.0/24, ::1"));
        assertEquals("[\"198.51.100.0/24\",\"::1\"]", allowedIpsOf(tenant, id));

        // an entry that is not a range: the API's message on the page, nothing changed
        expectedInConsole = "/allowed-ips - Failed to load resource: the server responded with a status of 400";
        rowWithName("fenced key")
                .findElement(By.cssSelector("button[data-action='allowed ips']"))
                .click();
        var wrong = wait.until(ExpectedConditions.alertIsPresent());
        wrong.sendKeys("10.0.0.1/8");
        wrong.accept();
        assertEquals(
                "allowedIps entry '10.0.0.1/8' has bits set after its prefix: the range is 10.0.0.0/8", text("error"));
        assertEquals("[\"198.51.100.0/24\",\"::1\"]", allowedIpsOf(tenant, id));
        // an unfenced key says so
        type("name", "open key");
        browser.findElement(By.cssSelector("#create button[type=submit]")).click();
        shownSecret();
        assertEquals(
                "anywhere",
                rowWithName("open key").findElement(By.className("allowed-ips")).getText());
    }

    private static String allowedIpsOf(Tenant tenant, String id) {
        return Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> o.getString("id").equals(id))
                .findFirst()
                .orElseThrow()
                .getJsonArray("allowedIps")
                .toString();
    }

    /**
     * Keyboard only: sign in, create a key, copy it, deactivate and activate it, rotate it — Tab, Enter and Space, no
     * mouse. Every field has a label and every button a name; text and buttons keep a contrast of at least 4.5:1 (WCAG
     * AA).
     */
    @Test
    void theKeyPageWorksFromTheKeyboardAloneAndIsLabelledWithEnoughContrast() {
        var tenant = Tenant.create();
        browser.get(BASE + "/admin/api-keys");
        var keyboard = new Actions(browser);
        tab(keyboard, "credential");
        keyboard.sendKeys(tenant.ownerToken()).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));

        tab(keyboard, "name");
        keyboard.sendKeys("keyboard key").sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("created")));
        assertEquals("secret", focused().getDomAttribute("id"), "the new key has the focus, selected to copy");
        tab(keyboard, "copy");
        keyboard.sendKeys(Keys.SPACE).perform();
        wait.until(ExpectedConditions.textToBe(By.id("copied"), "Copied."));
        tab(keyboard, "dismiss");
        keyboard.sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("created")));

        var id = rowWithName("keyboard key").getDomAttribute("data-id");
        var row = "tr[data-id='" + id + "'] ";
        tabToButton(keyboard, "Deactivate keyboard key");
        keyboard.sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(row + ".status"), "deactivated"));
        tabToButton(keyboard, "Activate keyboard key");
        keyboard.sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(row + ".status"), "active"));
        tabToButton(keyboard, "Rotate keyboard key");
        keyboard.sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("created")));
        assertTrue(browser.findElement(By.id("secret")).getDomProperty("value").startsWith("ak_live:"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(row + "button[data-action=rotate]")));

        var js = (JavascriptExecutor) browser;
        assertEquals(List.of(), js.executeScript("""
                return [...document.querySelectorAll('input')].filter(i => i.labels.length === 0).map(i => i.id)
                    .concat([...document.querySelectorAll('button')]
                        .filter(b => !(b.getAttribute('aria-label') || b.textContent.trim())).map(b => b.outerHTML));
                """), "fields without a label, buttons without a name");
        var contrast = (Map<?, ?>) js.executeScript("""
                const rgb = (c) => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
                const lum = (c) => { const [r, g, b] = rgb(c).map(v => { v /= 255;
                    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                const background = (e) => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
                    if (!c.startsWith('rgba(0, 0, 0, 0)')) return c; } return 'rgb(255, 255, 255)'; };
                const shown = [...document.querySelectorAll('h1, h2, p, label, td, th, button, input, code, strong')]
                    .filter(e => e.offsetParent !== null && e.textContent.trim() + (e.value || '') !== '');
                return { checked: shown.length, low: shown.map(e => { const a = lum(getComputedStyle(e).color), b = lum(background(e));
                        return [e.tagName + '#' + e.id + ' ' + e.textContent.trim().slice(0, 20),
                            (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; })
                    .filter(([, ratio]) => ratio < 4.5).map(([what, ratio]) => what + ': ' + ratio.toFixed(2)) };
                """);
        assertTrue(((Number) contrast.get("checked")).intValue() > 30, "elements checked: " + contrast);
        assertEquals(List.of(), contrast.get("low"), "text under 4.5:1 contrast");
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /** Presses Tab until the element with this id has the focus (at most 40 times). */
    private void tab(Actions keyboard, String id) {
        for (int i = 0; i < 40 && !id.equals(focused().getDomAttribute("id")); i++) {
            keyboard.sendKeys(Keys.TAB).perform();
        }
        assertEquals(id, focused().getDomAttribute("id"), "reached by Tab");
    }

    private void tabToButton(Actions keyboard, String name) {
        for (int i = 0; i < 60 && !name.equals(focused().getDomAttribute("aria-label")); i++) {
            keyboard.sendKeys(Keys.TAB).perform();
        }
        assertEquals(name, focused().getDomAttribute("aria-label"), "reached by Tab");
    }

    @Test
    void aWrongCredentialIsRefusedInThePage() {
        expectedInConsole = "/v4/user/me - Failed to load resource: the server responded with a status of 401";
        browser.get(BASE + "/integrations");
        type("credential", "rgo-not-a-real-token");
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("error"), "Invalid API key"));
        assertFalse(browser.findElement(By.id("console")).isDisplayed());
        assertEquals(
                0L,
                ((Number) ((JavascriptExecutor) browser).executeScript("return sessionStorage.length")).longValue(),
                "nothing kept after a refusal");
    }

    /** The pages and their files carry the strict policy; nothing else of WEB-INF is reachable. */
    @Test
    void pagesAreServedWithAStrictContentSecurityPolicy() throws Exception {
        var client = HttpClient.newHttpClient();
        for (var path : List.of(
                "/admin/api-keys",
                "/integrations",
                "/assets/console.js",
                "/assets/console.css",
                "/assets/favicon.svg")) {
            var answer = client.send(
                    HttpRequest.newBuilder(URI.create(BASE + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), path);
            assertEquals(
                    Map.of(
                            "content-security-policy",
                                    List.of("default-src 'none'; script-src 'self'; style-src 'self';"
                                            + " connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none';"
                                            + " frame-ancestors 'none'"),
                            "x-content-type-options", List.of("nosniff"),
                            "referrer-policy", List.of("no-referrer"),
                            "cache-control", List.of("no-store")),
                    Map.of(
                            "content-security-policy",
                            answer.headers().allValues("content-security-policy"),
                            "x-content-type-options",
                            answer.headers().allValues("x-content-type-options"),
                            "referrer-policy",
                            answer.headers().allValues("referrer-policy"),
                            "cache-control",
                            answer.headers().allValues("cache-control")),
                    path);
            assertTrue(answer.headers().allValues("set-cookie").isEmpty(), path + " sets no cookie");
        }
        var missing = Api.get("/assets/api-keys.html").send();
        assertEquals(404, missing.status());
        assertEquals("application/json", missing.contentType());
        assertEquals("{\"statusCode\":404,\"message\":\"Not Found\",\"error\":\"Not Found\"}", missing.body());
    }

    @Test
    void anOwnerAddsAWebhookEndpointSeesItsSecretOnceTestsItAndEnablesItAgainOnceDisabled() throws IOException {
        var tenant = Tenant.create();
        try (var receiver = WebhookReceiver.start()) {
            signIn("/admin/api-keys", tenant.ownerToken());
            type("webhook-url", receiver.url());
            browser.findElement(By.id("event-company-plan_changed")).click();
            browser.findElement(By.cssSelector("#webhook-create button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("webhook-created")));
            var secret = browser.findElement(By.id("webhook-secret")).getDomProperty("value");
            assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{43}="), secret);
            receiver.trust(secret);
            browser.findElement(By.id("webhook-copy")).click();
            wait.until(ExpectedConditions.textToBe(By.id("webhook-copied"), "Copied."));

            var row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#webhook-endpoints tbody tr[data-id]")));
            var listed = Api.get("/v4/webhook-endpoint")
                    .bearer(tenant.ownerToken())
                    .send()
                    .array()
                    .get(0)
                    .asJsonObject();
            assertEquals(listed.getString("id"), row.getDomAttribute("data-id"));
            var events = "credential.created, credential.rotated, credential.revoked, credential.expiring_soon,"
                    + " credential.expired, credential.new_source, company.token_policy_changed";
            assertEquals(
                    List.of(receiver.url(), events, "delivering"),
                    cells(row, 0, 1, 3),
                    "the unticked event is not sent");

            row.findElement(By.cssSelector("button[data-action='send test']")).click();
            var test = receiver.awaitType("webhook.test");
            assertTrue(test.verified(), test::toString);
            var attempt = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("tr.deliveries-row tr[data-message-id='" + test.id() + "']")));
            var shown = cells(attempt, 0, 1, 3);
            assertEquals(List.of("webhook.test", test.id(), "200"), shown, "the attempt as the page lists it");
            assertTrue(attempt.findElements(By.tagName("td")).get(4).getText().matches("\\d+ ms"));
            screenshot("admin-webhooks");

            browser.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#webhook-endpoints tbody tr[data-id]")));
            assertFalse(browser.getPageSource().contains(secret), "the secret is shown once only");
        }

        // An endpoint nothing answers: its test fails, its retry 5 s later too, and (this deployment
        // disables after 2 s of failing) it is disabled, audited without an actor, shown, and enabled.
        int deadPort = WebhookReceiver.freePort();
        var dead = Api.post(
                        "/v4/webhook-endpoint",
                        "{\"url\": \"" + WebhookReceiver.urlOn(deadPort) + "\", \"events\": [\"credential.revoked\"]}")
                .bearer(tenant.ownerToken())
                .send()
                .string("id");
        Api.post("/v4/webhook-endpoint/" + dead + "/test", "")
                .bearer(tenant.ownerToken())
                .send();
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Api.get("/v4/webhook-endpoint").bearer(tenant.ownerToken()).send().array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> o.getString("id").equals(dead))
                .allMatch(o -> o.isNull("disabledAt"))) {
            assertTrue(System.nanoTime() < deadline, "the failing endpoint is disabled within 30 s");
            WebhookReceiver.sleep(200);
        }
        var audited = Api.get("/v4/audit-event?type=webhook_endpoint_disabled")
                .bearer(tenant.ownerToken())
                .send()
                .array()
                .get(0)
                .asJsonObject();
        assertTrue(
                audited.isNull("actorUserId") && audited.getString("detail").startsWith("endpoint " + dead),
                audited::toString);

        browser.navigate().refresh();
        var state = By.cssSelector("tr[data-id='" + dead + "'] .state");
        wait.until(ExpectedConditions.textMatches(
                state, Pattern.compile("disabled since .* UTC: it kept failing; its events wait until it is enabled")));
        screenshot("admin-webhooks-disabled");
        // The owner mends the endpoint, then enables it: the test event that waited arrives, and the
        // endpoint delivers (enabled while still dead, the waiting event's next failure would show).
        try (var mended = WebhookReceiver.startOn(deadPort)) {
            browser.findElement(By.cssSelector("tr[data-id='" + dead + "'] button[data-action=enable]"))
                    .click();
            wait.until(ExpectedConditions.textToBe(state, "delivering"));
            mended.awaitType("webhook.test");
        }
    }

    private static List<String> cells(WebElement row, int... columns) {
        var cells = row.findElements(By.tagName("td"));
        return Arrays.stream(columns).mapToObj(i -> cells.get(i).getText()).toList();
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
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)))
                .getText();
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
