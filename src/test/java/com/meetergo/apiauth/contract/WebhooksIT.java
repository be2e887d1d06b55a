package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertBadRequest;
import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertForbidden;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import com.meetergo.apiauth.support.WebhookReceiver;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks from the receiving side: a receiver in this JVM verifies every signature with the Standard Webhooks library,
 * as a customer's would. Events arrive with their whole bodies; a receiver that is down gets the event once it is back,
 * under one webhook-id; a rotated secret signs beside the old one. The test server may call the loopback here
 * (allow-private-targets); the rules against that are WebhookTargetsIT's.
 */
@ExtendWith(ArquillianExtension.class)
public class WebhooksIT {

    static final String ALL_EVENTS = "[\"credential.created\", \"credential.rotated\", \"credential.revoked\","
            + " \"credential.expiring_soon\", \"credential.expired\", \"credential.new_source\","
            + " \"company.plan_changed\", \"company.token_policy_changed\", \"webhook.test\"]";

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war(
                ApiTest.NO_ADDRESS_THROTTLE,
                "apiauth.webhook.allow-private-targets=true",
                "apiauth.webhook.poll-interval=PT0.2S",
                "apiauth.webhook.gauge-refresh=PT0.5S");
    }

    static Answer register(Tenant tenant, String url, String events) {
        return Api.post("/v4/webhook-endpoint", "{\"url\": \"" + url + "\", \"events\": " + events + "}")
                .bearer(tenant.ownerToken())
                .send();
    }

    /** Registers the receiver for these events and lets it trust the endpoint's secret; the endpoint's id. */
    static String registered(Tenant tenant, WebhookReceiver receiver, String events) {
        var created = register(tenant, receiver.url(), events);
        assertStatus(created, 201);
        receiver.trust(created.string("secret"));
        return created.string("id");
    }

    static JsonObject listedKey(Tenant tenant, String id) {
        return Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> o.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anEndpointIsRegisteredWithItsSecretShownOnceAndListedWithout() {
        var tenant = Tenant.create();
        var created = register(tenant, "http://127.0.0.1:9/hooks", "[\"credential.revoked\", \"credential.created\"]");
        assertStatus(created, 201);
        var body = created.object();
        assertEquals(
                List.of("id", "url", "events", "createdAt", "secret"), List.copyOf(body.keySet()), created::toString);
        assertEquals("http://127.0.0.1:9/hooks", body.getString("url"));
        assertEquals(
                Json.createArrayBuilder()
                        .add("credential.created")
                        .add("credential.revoked")
                        .build(),
                body.getJsonArray("events"),
                "in the documented order, each once");
        assertTrue(body.getString("secret").matches("whsec_[A-Za-z0-9+/]{43}="), body::toString);

        var listed = Api.get("/v4/webhook-endpoint").bearer(tenant.ownerToken()).send();
        assertStatus(listed, 200);
        assertEquals(
                Json.createArrayBuilder()
                        .add(Json.createObjectBuilder()
                                .add("id", body.getString("id"))
                                .add("url", "http://127.0.0.1:9/hooks")
                                .add("events", body.getJsonArray("events"))
                                .add("createdAt", body.getString("createdAt"))
                                .addNull("failingSince")
                                .addNull("disabledAt"))
                        .build(),
                listed.json(),
                listed::toString);
    }

    @Test
    void eachEventArrivesSignedWithItsWholeBody() {
        var tenant = Tenant.create();
        try (var receiver = WebhookReceiver.start()) {
            var endpoint = registered(tenant, receiver, ALL_EVENTS);

            var created = Api.post("/v4/api-key", "{\"name\": \"hooked\", \"expiresInDays\": 30}")
                    .bearer(tenant.ownerToken())
                    .send();
            assertStatus(created, 201);
            var keyId = created.string("id");
            var hint = listedKey(tenant, keyId).getString("hint");
            var event = receiver.awaitType("credential.created");
            assertCredentialEvent(
                    event,
                    "credential.created",
                    keyId,
                    "hooked",
                    hint,
                    tenant.companyId(),
                    created.string("expiresAt"),
                    null);
            assertNoSecret(event, created.string("key"));

            var rotated = Api.post("/v4/api-key/" + keyId + "/rotate", "{\"gracePeriodSeconds\": 0}")
                    .bearer(tenant.ownerToken())
                    .send();
            assertStatus(rotated, 201);
            var rotation = receiver.awaitType("credential.rotated");
            assertEquals(keyId, rotation.json().getJsonObject("data").getString("id"), rotation::toString);
            var successor = rotated.string("id");
            receiver.await(
                    r -> r.type().equals("credential.created")
                            && r.json().getJsonObject("data").getString("id").equals(successor),
                    Duration.ofSeconds(20));

            assertStatus(
                    Api.delete("/v4/api-key/" + successor)
                            .bearer(tenant.ownerToken())
                            .send(),
                    204);
            var revoked = receiver.await(
                    r -> r.type().equals("credential.revoked")
                            && r.json().getJsonObject("data").getString("id").equals(successor),
                    Duration.ofSeconds(20));
            assertCredentialEvent(
                    revoked,
                    "credential.revoked",
                    successor,
                    "hooked",
                    listedKey(tenant, successor).getString("hint"),
                    tenant.companyId(),
                    rotated.string("expiresAt"),
                    "revoked");
            assertNoSecret(revoked, rotated.string("key"));

            assertStatus(PlansIT.changePlan(tenant.companyId(), "API_PLATFORM"), 200);
            var plan = receiver.awaitType("company.plan_changed");
            assertEquals(
                    Json.createObjectBuilder()
                            .add("companyId", tenant.companyId())
                            .add("previousPlan", "ENTERPRISE")
                            .add("plan", "API_PLATFORM")
                            .build(),
                    plan.json().getJsonObject("data"),
                    plan::toString);

            // A security policy change is heard too: the cap set, then lifted, each with who did it.
            assertStatus(
                    Api.put("/v4/company/token-policy", "{\"maxPersonalAccessTokenLifetimeDays\": 30}")
                            .bearer(tenant.ownerToken())
                            .send(),
                    200);
            assertStatus(
                    Api.put("/v4/company/token-policy", "{\"maxPersonalAccessTokenLifetimeDays\": null}")
                            .bearer(tenant.ownerToken())
                            .send(),
                    200);
            var capped = receiver.await(
                    r -> r.type().equals("company.token_policy_changed")
                            && JsonValue.NULL.equals(
                                    r.json().getJsonObject("data").get("previousMaxPersonalAccessTokenLifetimeDays")),
                    Duration.ofSeconds(20));
            assertEquals(
                    Json.createObjectBuilder()
                            .add("companyId", tenant.companyId())
                            .add("userId", tenant.ownerId())
                            .addNull("previousMaxPersonalAccessTokenLifetimeDays")
                            .add("maxPersonalAccessTokenLifetimeDays", 30)
                            .build(),
                    capped.json().getJsonObject("data"),
                    capped::toString);
            var lifted = receiver.await(
                    r -> r.type().equals("company.token_policy_changed")
                            && JsonValue.NULL.equals(
                                    r.json().getJsonObject("data").get("maxPersonalAccessTokenLifetimeDays")),
                    Duration.ofSeconds(20));
            assertEquals(
                    Json.createObjectBuilder()
                            .add("companyId", tenant.companyId())
                            .add("userId", tenant.ownerId())
                            .add("previousMaxPersonalAccessTokenLifetimeDays", 30)
                            .addNull("maxPersonalAccessTokenLifetimeDays")
                            .build(),
                    lifted.json().getJsonObject("data"),
                    lifted::toString);

            var test = Api.post("/v4/webhook-endpoint/" + endpoint + "/test", "")
                    .bearer(tenant.ownerToken())
                    .send();
            assertStatus(test, 202);
            var messageId = test.string("messageId");
            var tested = receiver.awaitType("webhook.test");
            assertEquals(messageId, tested.id());
            assertEquals(
                    Json.createObjectBuilder()
                            .add("endpointId", endpoint)
                            .add("companyId", tenant.companyId())
                            .build(),
                    tested.json().getJsonObject("data"),
                    tested::toString);

            for (var r : receiver.received()) {
                assertTrue(r.verified(), () -> "every delivery is signed by the endpoint's secret: " + r);
                assertTrue(r.id().startsWith("msg_"), r::toString);
                assertEquals(Set.of("type", "timestamp", "data"), r.json().keySet(), r::toString);
            }
            assertEquals(
                    receiver.received().size(),
                    receiver.received().stream()
                            .map(WebhookReceiver.Received::id)
                            .collect(Collectors.toSet())
                            .size(),
                    "one webhook-id per event, none sent twice here");
        }
    }

    private static void assertCredentialEvent(
            WebhookReceiver.Received event,
            String type,
            String id,
            String name,
            String hint,
            String companyId,
            String expiresAt,
            String reason) {
        var body = event.json();
        assertEquals(type, body.getString("type"), event::toString);
        Instant.parse(body.getString("timestamp"));
        var data = body.getJsonObject("data");
        var expected = Json.createObjectBuilder()
                .add("id", id)
                .add("type", "API_KEY")
                .add("name", name)
                .add("hint", hint)
                .add("companyId", companyId)
                .add("expiresAt", data.getString("expiresAt"));
        if (reason != null) {
            expected.add("reason", reason);
        }
        assertEquals(expected.build(), data, event::toString);
        assertEquals(Instant.parse(expiresAt), Instant.parse(data.getString("expiresAt")), event::toString);
    }

    /** Neither the key nor its secret part (the hint shows the key's first characters, as lists do). */
    private static void assertNoSecret(WebhookReceiver.Received event, String key) {
        var secret = key.substring(key.lastIndexOf(':') + 1);
        assertFalse(event.body().contains(secret) || event.body().contains(key), "never a secret: " + event);
        assertFalse(event.body().toLowerCase(Locale.ROOT).contains("digest"), event::toString);
    }

    @Test
    void aReceiverThatIsDownGetsTheEventOnceItIsBackUnderOneWebhookId() {
        var tenant = Tenant.create();
        int port = WebhookReceiver.freePort();
        var created = register(tenant, WebhookReceiver.urlOn(port), "[\"credential.created\"]");
        assertStatus(created, 201);
        var endpoint = created.string("id");
        var messageId = Api.post("/v4/webhook-endpoint/" + endpoint + "/test", "")
                .bearer(tenant.ownerToken())
                .send()
                .string("messageId");

        var first = awaitAttempts(tenant, endpoint, 1).get(0).asJsonObject();
        assertEquals(
                Json.createObjectBuilder()
                        .add("messageId", messageId)
                        .add("event", "webhook.test")
                        .add("attemptedAt", first.getString("attemptedAt"))
                        .addNull("statusCode")
                        .add("durationMs", first.getJsonNumber("durationMs"))
                        .add("error", "connection refused")
                        .build(),
                first,
                "the refused attempt, as listed");

        try (var receiver = WebhookReceiver.startOn(port).trust(created.string("secret"))) {
            var arrived = receiver.awaitType("webhook.test");
            assertEquals(messageId, arrived.id(), "the retry carries the event's webhook-id");
            assertTrue(arrived.verified(), arrived::toString);
            var attempts = awaitAttempts(tenant, endpoint, 2);
            var last = attempts.get(0).asJsonObject();
            assertEquals(200, last.getInt("statusCode"), attempts::toString);
            assertTrue(last.isNull("error"), attempts::toString);
            assertTrue(attempts.stream()
                    .allMatch(a -> a.asJsonObject().getString("messageId").equals(messageId)));
            WebhookReceiver.sleep(1500);
            assertEquals(1, receiver.received().size(), "delivered once it is delivered: " + receiver.received());
        }
        var listed = Api.get("/v4/webhook-endpoint")
                .bearer(tenant.ownerToken())
                .send()
                .array()
                .get(0)
                .asJsonObject();
        assertTrue(listed.isNull("failingSince"), "a delivery clears the failing state: " + listed);
    }

    private static JsonArray awaitAttempts(Tenant tenant, String endpoint, int atLeast) {
        var deadline = Instant.now().plusSeconds(30);
        while (true) {
            var answer = Api.get("/v4/webhook-endpoint/" + endpoint + "/deliveries")
                    .bearer(tenant.ownerToken())
                    .send();
            assertStatus(answer, 200);
            assertEquals(endpoint, answer.object().getString("endpointId"));
            var deliveries = answer.object().getJsonArray("deliveries");
            if (deliveries.size() >= atLeast
                    && (atLeast < 2 || !deliveries.get(0).asJsonObject().isNull("statusCode"))) {
                return deliveries;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("fewer than " + atLeast + " attempts: " + answer);
            }
            WebhookReceiver.sleep(100);
        }
    }

    /**
     * Endpoints that accept connections and never answer hold their attempts (cut at 2 s in the fast lane, then for the
     * 10 s timeout in the slow one): 4 per endpoint and 8 per company on a server, so a company with three dead
     * endpoints holds 8, not 12. Another company's live endpoint, queued behind their backlog, is still served at once
     * (measured: the live event's time from queued to received). What is counted is the connections open at once: an
     * attempt that timed out closes its connection, and the company's next one may then open another, so a slow run
     * that passes the 10 s still holds no more than 8 per server.
     */
    @Test
    void deadEndpointsDoNotDelayALiveOne() throws Exception {
        try (var silent = new ServerSocket(0, 100, InetAddress.getByName("127.0.0.1"));
                var receiver = WebhookReceiver.start()) {
            var held = new CopyOnWriteArrayList<Socket>();
            var open = new AtomicInteger();
            var mostOpen = new AtomicInteger();
            var acceptor = new Thread(() -> {
                try {
                    while (true) {
                        var socket = silent.accept(); // and never a byte back
                        held.add(socket);
                        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                        var reader = new Thread(() -> {
                            try (var in = socket.getInputStream()) {
                                var request = new byte[4096];
                                while (in.read(request) >= 0) {
                                    // the attempt's request, read and never answered
                                }
                            } catch (IOException closed) {
                                // closed at the end of the test
                            } finally {
                                open.decrementAndGet(); // the sender gave up on it (or the test is over)
                            }
                        });
                        reader.setDaemon(true);
                        reader.start();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();
            var deadTenant = Tenant.create();
            var deadEndpoints = new ArrayList<String>();
            for (var path : List.of("/a", "/b", "/c")) {
                deadEndpoints.add(register(
                                deadTenant,
                                WebhookReceiver.urlOn(silent.getLocalPort()) + path,
                                "[\"credential.created\"]")
                        .string("id"));
            }
            var dead = deadEndpoints.get(0);
            double movedBefore = counted("apiauth_webhook_lane_changes_total", "lane=\"slow\"");
            for (int i = 0; i < 20; i++) {
                for (var endpoint : deadEndpoints) {
                    assertStatus(
                            Api.post("/v4/webhook-endpoint/" + endpoint + "/test", "")
                                    .bearer(deadTenant.ownerToken())
                                    .send(),
                            202);
                }
            }
            // their first attempts are cut at the fast lane's 2 s; then they hang in the slow lane
            var deadline = Instant.now().plusSeconds(10);
            while (counted("apiauth_webhook_lane_changes_total", "lane=\"slow\"") < movedBefore + 3
                    && Instant.now().isBefore(deadline)) {
                WebhookReceiver.sleep(50);
            }
            while (open.get() < 8 && Instant.now().isBefore(deadline)) {
                WebhookReceiver.sleep(20);
            }
            WebhookReceiver.sleep(1500);
            // 8 in flight per server: this one, and in the PostgreSQL run the second server on its database
            int servers = Boolean.getBoolean("it.second.server") ? 2 : 1;
            assertTrue(
                    open.get() >= 8 && mostOpen.get() <= 8 * servers,
                    "the dead company holds 8 attempts per server (4 per endpoint), no more: " + open.get()
                            + " open, at most " + mostOpen.get());

            var liveTenant = Tenant.create();
            var live = registered(liveTenant, receiver, "[\"credential.created\"]");
            long queued = System.nanoTime();
            var messageId = Api.post("/v4/webhook-endpoint/" + live + "/test", "")
                    .bearer(liveTenant.ownerToken())
                    .send()
                    .string("messageId");
            var arrived = receiver.await(r -> r.id().equals(messageId), Duration.ofSeconds(5));
            long millis = (System.nanoTime() - queued) / 1_000_000;
            System.out.println("webhooks: live endpoint served " + millis + " ms after queueing, behind 60 events of"
                    + " three dead ones (" + held.size() + " connections to them so far, at most " + mostOpen.get()
                    + " at once)");
            assertTrue(arrived.verified(), arrived::toString);
            assertTrue(millis < 2_000, "the live endpoint waited " + millis + " ms");
            assertTrue(
                    mostOpen.get() <= 8 * servers,
                    "no more attempts held by the dead company at once: " + mostOpen.get());
            var timedOut = awaitAttempts(deadTenant, dead, 1).get(0).asJsonObject();
            assertTrue(
                    timedOut.isNull("statusCode")
                            && timedOut.getString("error").equals("timed out after 10 s")
                            && timedOut.getJsonNumber("durationMs").longValue() >= 10_000
                            && timedOut.getJsonNumber("durationMs").longValue() < 12_000,
                    timedOut::toString);
            for (var endpoint : deadEndpoints) {
                assertStatus(
                        Api.delete("/v4/webhook-endpoint/" + endpoint)
                                .bearer(deadTenant.ownerToken())
                                .send(),
                        204);
            }
            silent.close();
            acceptor.join();
            for (var socket : held) {
                socket.close();
            }
        }
    }

    /**
     * The fast and slow lanes: ten companies whose two endpoints each answer just under the timeout (9.5 s), fed by
     * their own {@code /test} calls (480 events), want 80 attempts per server: more than its 64 slots. Their first
     * attempts are cut at the fast lane's 2 s and their endpoints move to the slow lane, which holds at most half the
     * slots however many companies are in it; a cut there is no attempt (the first one recorded is the slow lane's,
     * answered). Another company's live endpoint, queued while they fill the slow lane, is served within a few seconds,
     * each of three times. Before the lanes, the slow companies held every slot and the live event waited behind their
     * backlog.
     */
    @Test
    void slowCompaniesDoNotDelayAnotherCompanysLiveEndpoint() throws Exception {
        var slowServers = new ArrayList<HttpServer>();
        var begun = new AtomicInteger();
        var handlers = Executors.newCachedThreadPool(r -> {
            var thread = new Thread(r, "slow-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        var slowEndpoints = new ArrayList<Map.Entry<Tenant, String>>();
        double movedBefore = counted("apiauth_webhook_lane_changes_total", "lane=\"slow\"");
        try (var receiver = WebhookReceiver.start()) {
            for (int company = 0; company < 10; company++) {
                var server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 200);
                server.createContext("/", exchange -> {
                    begun.incrementAndGet();
                    try (exchange) {
                        exchange.getRequestBody().readAllBytes();
                        WebhookReceiver.sleep(9_500); // just under the 10 s of silence that ends an attempt
                        exchange.sendResponseHeaders(204, -1);
                    } catch (IOException cut) {
                        // the sender cut this attempt (the fast lane's 2 s)
                    }
                });
                server.setExecutor(handlers);
                server.start();
                slowServers.add(server);
                var tenant = Tenant.create();
                for (var path : List.of("/a", "/b")) {
                    var id = register(
                                    tenant,
                                    WebhookReceiver.urlOn(server.getAddress().getPort()) + path,
                                    "[\"credential.created\"]")
                            .string("id");
                    slowEndpoints.add(Map.entry(tenant, id));
                }
            }
            // 24 events per endpoint: a backlog that keeps every slot of both servers of the PostgreSQL
            // run busy (each takes 4 per endpoint) for several rounds of 9.5 s
            for (int i = 0; i < 24; i++) {
                for (var endpoint : slowEndpoints) {
                    assertStatus(
                            Api.post("/v4/webhook-endpoint/" + endpoint.getValue() + "/test", "")
                                    .bearer(endpoint.getKey().ownerToken())
                                    .send(),
                            202);
                }
            }
            var deadline = Instant.now().plusSeconds(20);
            while (counted("apiauth_webhook_lane_changes_total", "lane=\"slow\"") < movedBefore + slowEndpoints.size()
                    && Instant.now().isBefore(deadline)) {
                WebhookReceiver.sleep(100);
            }
            assertTrue(
                    counted("apiauth_webhook_lane_changes_total", "lane=\"slow\"")
                            >= movedBefore + slowEndpoints.size(),
                    "every slow endpoint was cut in the fast lane and moved to the slow one");
            WebhookReceiver.sleep(1_000); // the slow lane fills
            int beforeLive = begun.get();

            var liveTenant = Tenant.create();
            var live = registered(liveTenant, receiver, "[\"credential.created\"]");
            var waited = new ArrayList<Long>();
            for (int i = 0; i < 3; i++) {
                long queued = System.nanoTime();
                var messageId = Api.post("/v4/webhook-endpoint/" + live + "/test", "")
                        .bearer(liveTenant.ownerToken())
                        .send()
                        .string("messageId");
                var arrived = receiver.await(r -> r.id().equals(messageId), Duration.ofSeconds(30));
                assertTrue(arrived.verified(), arrived::toString);
                waited.add((System.nanoTime() - queued) / 1_000_000);
                WebhookReceiver.sleep(1_500);
            }
            int slowStarted = begun.get() - beforeLive;
            System.out.println("webhooks: live endpoint served " + waited
                    + " ms after queueing, beside 10 slow companies"
                    + " (480 events; " + begun.get() + " slow attempts begun, " + slowStarted + " while the live ones"
                    + " were sent)");
            for (var millis : waited) {
                assertTrue(millis < 4_000, "the live endpoint waited " + waited + " ms");
            }
            // every attempt recorded is the slow lane's, answered: the fast lane's cuts are no attempts
            var recorded = awaitAttempts(
                    slowEndpoints.get(0).getKey(), slowEndpoints.get(0).getValue(), 1);
            for (var attempt : recorded) {
                var a = attempt.asJsonObject();
                assertTrue(
                        !a.isNull("statusCode")
                                && a.getInt("statusCode") == 204
                                && a.getJsonNumber("durationMs").longValue() >= 9_000,
                        recorded::toString);
            }
        } finally {
            for (var endpoint : slowEndpoints) {
                Api.delete("/v4/webhook-endpoint/" + endpoint.getValue())
                        .bearer(endpoint.getKey().ownerToken())
                        .send();
            }
            for (var server : slowServers) {
                server.stop(0);
            }
            handlers.shutdownNow();
        }
    }

    /** A redirect is an answer like any other that is not 2xx: recorded and retried, never followed. */
    @Test
    void aRedirectIsNeverFollowed() {
        var tenant = Tenant.create();
        try (var redirecting = WebhookReceiver.start();
                var elsewhere = WebhookReceiver.start()) {
            redirecting.answer.set(307);
            redirecting.location = elsewhere.url();
            var endpoint = registered(tenant, redirecting, "[\"credential.created\"]");
            var messageId = Api.post("/v4/webhook-endpoint/" + endpoint + "/test", "")
                    .bearer(tenant.ownerToken())
                    .send()
                    .string("messageId");
            var attempt = awaitAttempts(tenant, endpoint, 1).get(0).asJsonObject();
            assertEquals(
                    Json.createObjectBuilder()
                            .add("messageId", messageId)
                            .add("event", "webhook.test")
                            .add("attemptedAt", attempt.getString("attemptedAt"))
                            .add("statusCode", 307)
                            .add("durationMs", attempt.getJsonNumber("durationMs"))
                            .add("error", "HTTP 307")
                            .build(),
                    attempt);
            WebhookReceiver.sleep(1000);
            assertEquals(List.of(), elsewhere.received(), "the redirect's target is never called");
        }
    }

    /**
     * The value of a metric line that starts with {@code name} and has {@code label} (or any, if null), on this server.
     */
    private static double metric(String name, String label) {
        return metric(null, name, label);
    }

    private static double metric(String server, String name, String label) {
        var request = Api.get("/metrics?scope=application");
        var answer = (server == null ? request : request.on(server)).send();
        assertEquals(200, answer.status(), answer::toString);
        return answer.body()
                .lines()
                .filter(l -> l.startsWith(name + "{") && (label == null || l.contains(label)))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** A counter over every server that delivers (the PostgreSQL run's second server claims deliveries too). */
    private static double counted(String name, String label) {
        double total = metric(name, label);
        if (Boolean.getBoolean("it.second.server")) {
            total += metric("http://localhost:" + System.getProperty("it.second.http.port"), name, label);
        }
        return total;
    }

    /**
     * Deliveries by outcome, the queue's depth and its oldest age, as an operator scrapes them. Other tests' retries
     * may run beside this one: each figure is at least what this test caused.
     */
    @Test
    void deliveriesByOutcomeQueueDepthAndOldestAgeAreScraped() {
        var tenant = Tenant.create();
        int port = WebhookReceiver.freePort();
        var created = register(tenant, WebhookReceiver.urlOn(port), "[\"credential.created\"]");
        var endpoint = created.string("id");
        double retrying = counted("apiauth_webhook_deliveries_total", "outcome=\"retrying\"");
        double delivered = counted("apiauth_webhook_deliveries_total", "outcome=\"delivered\"");
        Api.post("/v4/webhook-endpoint/" + endpoint + "/test", "")
                .bearer(tenant.ownerToken())
                .send();
        awaitAttempts(tenant, endpoint, 1);
        WebhookReceiver.sleep(1600); // the gauges are refreshed every 0.5 s here; the event is over 1 s old
        assertTrue(counted("apiauth_webhook_deliveries_total", "outcome=\"retrying\"") >= retrying + 1);
        assertTrue(metric("apiauth_webhook_queue_depth", null) >= 1, "the waiting delivery is in the queue");
        assertTrue(metric("apiauth_webhook_oldest_undelivered_seconds", null) >= 1, "and over a second old");
        try (var receiver = WebhookReceiver.startOn(port).trust(created.string("secret"))) {
            receiver.awaitType("webhook.test");
            awaitAttempts(tenant, endpoint, 2);
            assertTrue(counted("apiauth_webhook_deliveries_total", "outcome=\"delivered\"") >= delivered + 1);
        }
    }

    /** An answer that never ends is read to 64 KiB and cut off: the attempt ends with its status code. */
    @Test
    void atMost64KiBOfAnAnswerIsRead() {
        var tenant = Tenant.create();
        try (var receiver = WebhookReceiver.start()) {
            receiver.endless = true;
            var endpoint = registered(tenant, receiver, "[\"credential.created\"]");
            Api.post("/v4/webhook-endpoint/" + endpoint + "/test", "")
                    .bearer(tenant.ownerToken())
                    .send();
            var attempt = awaitAttempts(tenant, endpoint, 1).get(0).asJsonObject();
            assertEquals(200, attempt.getInt("statusCode"), attempt::toString);
            assertTrue(attempt.isNull("error"), attempt::toString);
            assertTrue(attempt.getJsonNumber("durationMs").longValue() < 5_000, attempt::toString);
        }
    }

    @Test
    void aRotatedSecretSignsBesideThePreviousOneForADay() {
        var tenant = Tenant.create();
        try (var receiver = WebhookReceiver.start()) {
            var created = register(tenant, receiver.url(), "[\"credential.created\"]");
            var endpoint = created.string("id");
            var before = created.string("secret");
            var rotated = Api.post("/v4/webhook-endpoint/" + endpoint + "/rotate-secret", "")
                    .bearer(tenant.ownerToken())
                    .send();
            assertStatus(rotated, 200);
            assertEquals(
                    List.of("id", "url", "events", "createdAt", "secret"),
                    List.copyOf(rotated.object().keySet()));
            var after = rotated.string("secret");
            assertNotEquals(before, after);
            receiver.trust(after);

            Api.post("/v4/webhook-endpoint/" + endpoint + "/test", "")
                    .bearer(tenant.ownerToken())
                    .send();
            var test = receiver.awaitType("webhook.test");
            assertTrue(WebhookReceiver.signedBy(test, after), test::toString);
            assertTrue(WebhookReceiver.signedBy(test, before), "the previous secret still signs: " + test);
            assertEquals(2, test.signature().split(" ").length, test::toString);
        }
    }

    @Test
    void onlyOwnersAndAdminsOfTheCompanyManageItsEndpoints() {
        var tenant = Tenant.create();
        var endpoint = register(tenant, "http://127.0.0.1:9/hooks", "[\"credential.revoked\"]")
                .string("id");
        var member = tenant.tokenOf(tenant.user("MEMBER"));
        assertForbidden(Api.get("/v4/webhook-endpoint").bearer(member).send());
        assertForbidden(register(
                new Tenant(tenant.companyId(), null, member), "http://127.0.0.1:9/x", "[\"credential.revoked\"]"));

        var attacker = Tenant.create();
        for (var request : List.of(
                Api.delete("/v4/webhook-endpoint/" + endpoint),
                Api.post("/v4/webhook-endpoint/" + endpoint + "/rotate-secret", ""),
                Api.post("/v4/webhook-endpoint/" + endpoint + "/test", ""),
                Api.get("/v4/webhook-endpoint/" + endpoint + "/deliveries"))) {
            assertError(request.bearer(attacker.ownerToken()).send(), 404, "Not Found", "Webhook endpoint not found");
        }
        assertEquals(
                0,
                Api.get("/v4/webhook-endpoint")
                        .bearer(attacker.ownerToken())
                        .send()
                        .array()
                        .size());

        var admin = tenant.tokenOf(tenant.user("ADMIN"));
        assertStatus(
                Api.delete("/v4/webhook-endpoint/" + endpoint).bearer(admin).send(), 204);
        assertEquals(
                0,
                Api.get("/v4/webhook-endpoint")
                        .bearer(tenant.ownerToken())
                        .send()
                        .array()
                        .size());
        assertError(
                Api.delete("/v4/webhook-endpoint/" + endpoint).bearer(admin).send(),
                404,
                "Not Found",
                "Webhook endpoint not found");
    }

    @Test
    void badRegistrationsAreRefusedWithTheReason() {
        var tenant = Tenant.create();
        assertBadRequest(
                register(tenant, "http://127.0.0.1:9/hooks", "[\"credential.stolen\"]"),
                "unknown event \"credential.stolen\"; the events are credential.created, credential.rotated,"
                        + " credential.revoked, credential.expiring_soon, credential.expired, credential.new_source,"
                        + " company.plan_changed, company.token_policy_changed, webhook.test");
        assertBadRequest(
                register(tenant, "http://127.0.0.1:9/hooks", "[]"),
                "events must name at least one event: credential.created, credential.rotated, credential.revoked,"
                        + " credential.expiring_soon, credential.expired, credential.new_source, company.plan_changed,"
                        + " company.token_policy_changed, webhook.test");
        assertBadRequest(
                register(tenant, "ftp://127.0.0.1/hooks", "[\"credential.created\"]"), "url must be an https URL");
        assertBadRequest(register(tenant, "not a url", "[\"credential.created\"]"), "url is not a valid URL");
        assertBadRequest(
                Api.post("/v4/webhook-endpoint", "{\"events\": [\"credential.created\"]}")
                        .bearer(tenant.ownerToken())
                        .send(),
                "url is required");
        assertEquals(
                0,
                Api.get("/v4/webhook-endpoint")
                        .bearer(tenant.ownerToken())
                        .send()
                        .array()
                        .size());
    }
}
