package com.meetergo.apiauth.gateway;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.contract.AllowlistIT;
import com.meetergo.apiauth.contract.PlansIT;
import com.meetergo.apiauth.security.gateway.IdentityHeaders;
import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.EchoUpstream;
import com.meetergo.apiauth.support.Gateway;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.RawHttp;
import com.meetergo.apiauth.support.Tenant;
import com.meetergo.apiauth.support.TestPorts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract through a real gateway (gateway/run, the shipped configuration) in front of a service that is not Java
 * ({@code gateway/echo-upstream}): a client behind the gateway gets, for every refusal, the answer the WAR gives to the
 * same request, compared whole (status, Content-Type, body, WWW-Authenticate, Retry-After), and the upstream never sees
 * a refused request; an allowed one reaches the upstream with who it acts as, never with identity or forwarding headers
 * the client wrote.
 *
 * <p>The gateway connects to api-auth from 127.0.0.1, which the deployment trusts as a proxy; clients speak from other
 * loopback addresses, so that the address api-auth judges is visibly the client's.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class GatewayContract {

    /** Where the client speaks from: not the gateway's own address. */
    static final String CLIENT = "127.0.0.3";

    static final String OTHER_CLIENT = "127.0.0.4";

    static EchoUpstream upstream;

    static Gateway gateway;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war("trusted.proxies=127[.]0[.]0[.]1", "apiauth.throttle.address-failures=20");
    }

    /** Starts the echo upstream and {@code kind}'s gateway in front of it (each test class, once). */
    static void start(String kind) throws IOException {
        upstream = EchoUpstream.start();
        gateway = Gateway.start(kind, upstream.url());
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    /** A client's request through the gateway; header lines as "Name: value". */
    static RawHttp.Reply through(String from, String method, String path, String... headers) throws IOException {
        var body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? "{}" : null;
        return gateway.send(from, method, path, body, headers);
    }

    /** The same request straight to the WAR. */
    static Answer war(String method, String path, String... headers) {
        var request = switch (method) {
            case "GET" -> Api.get(path);
            case "DELETE" -> Api.delete(path);
            case "POST" -> Api.post(path, "{}");
            case "PUT" -> Api.put(path, "{}");
            case "PATCH" -> Api.patch(path, "{}");
            default -> throw new IllegalArgumentException(method);
        };
        for (var line : headers) {
            int colon = line.indexOf(':');
            request.header(
                    line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return request.send();
    }

    static String whole(Answer answer) {
        return answer.status() + " " + answer.contentType() + " WWW-Authenticate=" + answer.header("WWW-Authenticate")
                + " Retry-After=" + answer.header("Retry-After") + " " + answer.body();
    }

    static String whole(RawHttp.Reply reply) {
        return reply.status() + " " + reply.header("Content-Type") + " WWW-Authenticate="
                + reply.headers("WWW-Authenticate") + " Retry-After=" + reply.headers("Retry-After") + " "
                + reply.body();
    }

    /** A refusal through the gateway is the WAR's, whole, and never reaches the upstream. */
    static RawHttp.Reply assertRefusedAsByTheWar(String method, String path, String... headers) throws IOException {
        var war = war(method, path, headers);
        assertTrue(war.status() >= 400, war::toString);
        int before = upstream.requests().size();
        var reply = through(CLIENT, method, path, headers);
        assertEquals(whole(war), whole(reply), method + " " + path + " " + String.join(" | ", headers));
        assertEquals(before, upstream.requests().size(), "a refused request reached the upstream");
        return reply;
    }

    /** An allowed request: the upstream's echo of what it received. */
    static JsonObject allowed(String from, String method, String path, String... headers) throws IOException {
        int before = upstream.requests().size();
        var reply = through(from, method, path, headers);
        assertEquals(200, reply.status(), () -> reply + "\n" + gateway.log());
        var echo = Json.createReader(new StringReader(reply.body())).readObject();
        assertEquals(before + 1, upstream.requests().size());
        assertEquals(path, echo.getString("path"));
        return echo;
    }

    static List<String> seen(JsonObject echo, String header) {
        return EchoUpstream.header(echo, header);
    }

    static String bearer(String credential) {
        return "Authorization: Bearer " + credential;
    }

    static String actingAs(String user) {
        return Api.USER_HEADER + ": " + user;
    }

    @Test
    void theContractsSixAnswersReachTheClientWhole() throws Exception {
        var tenant = Tenant.create();
        var stranger = Tenant.create();
        var key = tenant.apiKey();
        var member = tenant.user("MEMBER");
        var soon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        var expiring = Api.post("/v4/personal-access-token", "{\"name\": \"brief\", \"expiresAt\": \"" + soon + "\"}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(expiring, 201);
        Thread.sleep(Math.max(0, soon.toEpochMilli() - System.currentTimeMillis() + 50));

        Map<String, String[]> seeds = new LinkedHashMap<>();
        seeds.put("no Authorization", new String[0]);
        seeds.put("an invalid credential", new String[] {bearer("rgo-" + "x".repeat(40))});
        seeds.put("an expired PAT", new String[] {bearer(expiring.string("token"))});
        seeds.put("a PAT naming another user", new String[] {bearer(tenant.ownerToken()), actingAs(member)});
        seeds.put("a key naming no user", new String[] {bearer(key)});
        seeds.put("a key naming a user of another company", new String[] {bearer(key), actingAs(stranger.ownerId())});
        var statuses = new ArrayList<Integer>();
        for (var seed : seeds.entrySet()) {
            statuses.add(assertRefusedAsByTheWar("GET", "/v4/meeting-type", seed.getValue())
                    .status());
        }
        assertEquals(List.of(401, 401, 401, 403, 400, 500), statuses, "the contract's six answers");
    }

    @Test
    void scopesRolesPlanStateAndAllowlistAreTheWars() throws IOException {
        var tenant = Tenant.create();
        var memberToken = tenant.tokenOf(tenant.user("MEMBER"));
        var narrow = Api.post(
                        "/v4/personal-access-token", "{\"name\": \"narrow\", \"scopes\": [\"meeting-types:read\"]}")
                .bearer(tenant.ownerToken())
                .send()
                .string("token");
        var deactivated = tenant.apiKey();
        assertStatus(
                Api.post("/v4/api-key/" + deactivated.split(":")[1] + "/deactivate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                204);

        assertRefusedAsByTheWar("GET", "/v4/appointment", bearer(narrow));
        assertRefusedAsByTheWar("GET", "/v4/api-key", bearer(memberToken));
        assertRefusedAsByTheWar("DELETE", "/v4/user/" + UUID.randomUUID(), bearer(tenant.ownerToken()));
        assertRefusedAsByTheWar("GET", "/v4/meeting-type", bearer(deactivated), actingAs(tenant.ownerId()));
        allowed(CLIENT, "GET", "/v4/meeting-type", bearer(narrow));

        var key = tenant.apiKey();
        assertStatus(PlansIT.changePlan(tenant.companyId(), "ESSENTIALS"), 200);
        assertRefusedAsByTheWar("GET", "/v4/meeting-type", bearer(key), actingAs(tenant.ownerId()));
        allowed(CLIENT, "GET", "/v4/meeting-type", bearer(tenant.ownerToken()));
    }

    @Test
    void theUpstreamLearnsWhoTheRequestActsAsAndNothingTheClientForged() throws IOException {
        var tenant = Tenant.create();
        var admin = tenant.user("ADMIN");
        var created = Api.post("/v4/api-key", "{\"name\": \"gw\", \"expiresInDays\": 30}")
                .bearer(tenant.ownerToken())
                .send();
        var key = created.string("key");
        var forged = IdentityHeaders.ALL.stream().map(h -> h + ": forged").toArray(String[]::new);

        var asAdmin = allowed(CLIENT, "GET", "/v4/meeting-type", with(forged, bearer(key), actingAs(admin)));
        assertIdentity(
                asAdmin,
                admin,
                tenant.companyId(),
                "ADMIN",
                "API_KEY",
                key.split(":")[1],
                Instant.parse(created.string("expiresAt")).toString());
        var asOwner = allowed(CLIENT, "GET", "/v4/user/me", with(forged, bearer(key)));
        assertIdentity(
                asOwner,
                tenant.ownerId(),
                tenant.companyId(),
                "OWNER",
                "API_KEY",
                key.split(":")[1],
                Instant.parse(created.string("expiresAt")).toString());
        var pat = Api.post(
                        "/v4/personal-access-token",
                        "{\"name\": \"gw\", \"scopes\": [\"appointments:read\"," + " \"meeting-types:write\"]}")
                .bearer(tenant.ownerToken())
                .send();
        var byPat = allowed(CLIENT, "GET", "/v4/meeting-type", with(forged, bearer(pat.string("token"))));
        assertIdentity(
                byPat, tenant.ownerId(), tenant.companyId(), "OWNER", "PERSONAL_ACCESS_TOKEN", pat.string("id"), null);
        assertEquals(List.of("appointments:read meeting-types:write"), seen(byPat, IdentityHeaders.SCOPES));

        // an open route: no identity at all, whatever the client wrote
        var open = allowed(CLIENT, "POST", "/v4/credential-revocation", forged);
        for (var header : IdentityHeaders.ALL) {
            assertEquals(List.of(), seen(open, header), header);
        }
    }

    private static String[] with(String[] forged, String... lines) {
        var all = new ArrayList<>(List.of(lines));
        all.addAll(List.of(forged));
        return all.toArray(String[]::new);
    }

    private static void assertIdentity(
            JsonObject echo,
            String user,
            String company,
            String role,
            String type,
            String credentialId,
            String expiresAt) {
        assertEquals(List.of(user), seen(echo, IdentityHeaders.USER_ID), echo::toString);
        assertEquals(List.of(company), seen(echo, IdentityHeaders.COMPANY_ID));
        assertEquals(List.of(role), seen(echo, IdentityHeaders.ROLE));
        assertEquals(List.of(type), seen(echo, IdentityHeaders.CREDENTIAL_TYPE));
        assertEquals(List.of(credentialId), seen(echo, IdentityHeaders.CREDENTIAL_ID));
        assertEquals(
                expiresAt == null ? List.of() : List.of(expiresAt),
                seen(echo, IdentityHeaders.EXPIRES_AT),
                echo::toString);
    }

    @Test
    void aClientCannotChooseItsAddressOrTheRequestThatIsChecked() throws IOException {
        var tenant = Tenant.create();
        var fenced = Api.post("/v4/api-key", "{\"expiresInDays\": 1, \"allowedIps\": [\"" + CLIENT + "/32\"]}")
                .bearer(tenant.ownerToken())
                .send()
                .string("key");
        var asOwner = actingAs(tenant.ownerId());
        allowed(CLIENT, "GET", "/v4/meeting-type", bearer(fenced), asOwner);
        int before = upstream.requests().size();
        for (var forgery : List.of(
                "X-Forwarded-For: " + CLIENT,
                "Forwarded: for=" + CLIENT,
                "Forwarded: for=\"" + CLIENT + "\";proto=https",
                "Forwarded: for=198.51.100.1, for=" + CLIENT,
                "X-Real-IP: " + CLIENT)) {
            var reply = through(OTHER_CLIENT, "GET", "/v4/meeting-type", bearer(fenced), asOwner, forgery);
            assertEquals(
                    "403 application/json WWW-Authenticate=[] Retry-After=[] {\"statusCode\":403,\"message\":\""
                            + AllowlistIT.NOT_ALLOWED + "\",\"error\":\"Forbidden\"}",
                    whole(reply),
                    forgery);
        }
        assertEquals(before, upstream.requests().size());
        // the upstream hears the address the gateway saw
        var echo = allowed(CLIENT, "GET", "/v4/meeting-type", bearer(fenced), asOwner, "X-Forwarded-For: 198.51.100.7");
        assertEquals(List.of(CLIENT), seen(echo, "X-Forwarded-For"));

        // the request judged is the one the gateway routes, whatever the client says it is
        var member = tenant.tokenOf(tenant.user("MEMBER"));
        for (var forgery : List.of(
                "X-Original-URI: /v4/meeting-type",
                "X-Forwarded-Uri: /v4/meeting-type",
                "X-Original-Method: GET",
                "X-Forwarded-Method: GET")) {
            assertRefusedAsByTheWar("GET", "/v4/api-key", bearer(member), forgery);
            assertRefusedAsByTheWar("DELETE", "/v4/api-key/" + UUID.randomUUID(), bearer(member), forgery);
        }
    }

    @Test
    void aCredentialRevokedThroughTheApiIsRefusedThroughTheGatewayWithinASecond() throws IOException {
        var tenant = Tenant.create();
        var pat = Api.post("/v4/personal-access-token", "{\"name\": \"soon gone\"}")
                .bearer(tenant.ownerToken())
                .send();
        allowed(CLIENT, "GET", "/v4/meeting-type", bearer(pat.string("token")));
        assertStatus(
                Api.delete("/v4/personal-access-token/" + pat.string("id"))
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        long revoked = System.nanoTime();
        var reply = through(CLIENT, "GET", "/v4/meeting-type", bearer(pat.string("token")));
        long millis = (System.nanoTime() - revoked) / 1_000_000;
        assertEquals(
                "401 application/json WWW-Authenticate=[Bearer] Retry-After=[] "
                        + "{\"statusCode\":401,\"message\":\"Invalid API key\",\"error\":\"Unauthorized\"}",
                whole(reply));
        assertTrue(millis < 1000, millis + " ms");
    }

    @Test
    void tooManyFailuresFromOneClientAre429WithRetryAfterThroughTheGateway() throws IOException {
        var from = "127.0.0.9";
        RawHttp.Reply reply = null;
        for (int i = 0; i < 21; i++) {
            reply = through(
                    from,
                    "GET",
                    "/v4/meeting-type",
                    bearer("rgo-" + UUID.randomUUID().toString().replace("-", "")));
        }
        assertEquals(429, reply.status(), reply::toString);
        assertEquals("application/json", reply.header("Content-Type"));
        assertEquals(
                "{\"statusCode\":429,\"message\":\"Too many failed attempts; retry later\","
                        + "\"error\":\"Too Many Requests\"}",
                reply.body());
        assertEquals(1, reply.headers("Retry-After").size(), reply::toString);
        assertTrue(Long.parseLong(reply.header("Retry-After")) > 0);
        // another client is not throttled
        assertEquals(
                401,
                through(OTHER_CLIENT, "GET", "/v4/meeting-type", bearer("rgo-nothing"))
                        .status());
    }

    @Test
    void aGatewayThatCannotReachApiAuthAnswers503AndPassesNothing() throws IOException {
        int closed = TestPorts.free();
        try (var orphan = Gateway.start(kind(), "http://127.0.0.1:" + closed, upstream.url())) {
            int before = upstream.requests().size();
            var reply = orphan.send(CLIENT, "GET", "/v4/meeting-type", null, bearer("rgo-anything"));
            assertEquals(before, upstream.requests().size());
            assertEquals(503, reply.status(), reply::toString);
            assertEquals("application/json", reply.header("Content-Type"), reply::toString);
            assertEquals(
                    "{\"statusCode\":503,\"message\":\"Service temporarily unavailable; retry later\","
                            + "\"error\":\"Service Unavailable\"}",
                    reply.body());
        }
    }

    abstract String kind();
}
