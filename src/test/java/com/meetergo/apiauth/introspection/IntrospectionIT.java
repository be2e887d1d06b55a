package com.meetergo.apiauth.introspection;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.contract.PlansIT;
import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import com.meetergo.apiauth.support.TestPorts;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import jakarta.json.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Token introspection (RFC 7662) as the Nimbus OAuth 2.0 SDK, a client nobody here wrote, asks and reads it; and whole
 * answers over plain HTTP for what the SDK would smooth over.
 */
@ExtendWith(ArquillianExtension.class)
class IntrospectionIT {

    static final String CLIENT_ID = "resource-server";
    static final String CLIENT_SECRET = "introspection-secret-0123456789abcdef";
    static final URI ENDPOINT = URI.create("http://localhost:" + TestPorts.http() + "/oauth2/introspect");

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war(
                "apiauth.introspection.client-id=" + CLIENT_ID,
                "apiauth.introspection.client-secret=" + CLIENT_SECRET,
                "apiauth.introspection.limit=100000");
    }

    static TokenIntrospectionResponse nimbus(String token) throws Exception {
        var request = new TokenIntrospectionRequest(
                ENDPOINT,
                new ClientSecretBasic(new ClientID(CLIENT_ID), new Secret(CLIENT_SECRET)),
                new BearerAccessToken(token));
        return TokenIntrospectionResponse.parse(request.toHTTPRequest().send());
    }

    static String basic(String id, String secret) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                                        + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8));
    }

    static Answer introspect(String form) {
        return Api.postForm("/oauth2/introspect", form)
                .header("Authorization", basic(CLIENT_ID, CLIENT_SECRET))
                .send();
    }

    static Answer introspectToken(String token) {
        return introspect("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    static void assertInactive(Answer answer, String what) {
        assertEquals(200, answer.status(), what + ": " + answer);
        assertEquals("application/json", answer.contentType(), what);
        assertEquals("{\"active\":false}", answer.body(), what);
        assertEquals(List.of("no-store"), answer.header("Cache-Control"), what);
    }

    @Test
    void anActivePatAndKeyAsTheSdkReadsThem() throws Exception {
        var tenant = Tenant.create();
        var created = Api.post(
                        "/v4/personal-access-token",
                        "{\"name\": \"rs\", \"scopes\": [\"appointments:read\"," + " \"meeting-types:write\"]}")
                .bearer(tenant.ownerToken())
                .send();
        var answer = nimbus(created.string("token"));
        assertTrue(answer.indicatesSuccess(), () -> answer.toHTTPResponse().getBody());
        var active = answer.toSuccessResponse();
        assertTrue(active.isActive());
        assertEquals(Scope.parse("appointments:read meeting-types:write"), active.getScope());
        assertEquals(AccessTokenType.BEARER, active.getTokenType());
        assertEquals(tenant.ownerId(), active.getSubject().getValue());
        assertEquals(created.string("id"), active.getClientID().getValue());
        assertEquals(tenant.companyId(), active.getStringParameter("company_id"));
        assertEquals("personal_access_token", active.getStringParameter("credential_type"));
        assertEquals(
                Instant.parse(created.string("createdAt")).getEpochSecond(),
                active.getIssueTime().toInstant().getEpochSecond());
        assertEquals(null, active.getExpirationTime(), "a PAT without expiry has no exp");

        var key = Api.post("/v4/api-key", "{\"name\": \"rs\", \"expiresInDays\": 30}")
                .bearer(tenant.ownerToken())
                .send();
        var keyAnswer = nimbus(key.string("key")).toSuccessResponse();
        assertTrue(keyAnswer.isActive());
        assertEquals(key.string("id"), keyAnswer.getSubject().getValue(), "a key's subject is the key");
        assertEquals(key.string("id"), keyAnswer.getClientID().getValue());
        assertEquals("api_key", keyAnswer.getStringParameter("credential_type"));
        assertEquals(
                Instant.parse(key.string("expiresAt")).getEpochSecond(),
                keyAnswer.getExpirationTime().toInstant().getEpochSecond());
    }

    @Test
    void theWholeActiveAnswer() {
        var tenant = Tenant.create();
        var expires = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        var created = Api.post(
                        "/v4/personal-access-token",
                        "{\"name\": \"rs\", \"scopes\": [\"users:read\"]," + " \"expiresAt\": \"" + expires + "\"}")
                .bearer(tenant.ownerToken())
                .send();
        var answer = introspectToken(created.string("token"));
        assertEquals(200, answer.status(), answer::toString);
        assertEquals("application/json", answer.contentType());
        assertEquals(List.of("no-store"), answer.header("Cache-Control"));
        assertEquals(
                Json.createObjectBuilder()
                        .add("active", true)
                        .add("scope", "users:read")
                        .add("client_id", created.string("id"))
                        .add("token_type", "Bearer")
                        .add("exp", expires.getEpochSecond())
                        .add("iat", Instant.parse(created.string("createdAt")).getEpochSecond())
                        .add("sub", tenant.ownerId())
                        .add("company_id", tenant.companyId())
                        .add("credential_type", "personal_access_token")
                        .build(),
                answer.json());
    }

    @Test
    void everythingButAnActiveTokenIsExactlyInactive() throws Exception {
        var tenant = Tenant.create();
        var owner = tenant.ownerToken();
        var cases = new LinkedHashMap<String, String>();
        cases.put("unknown PAT", "rgo-" + UUID.randomUUID().toString().replace("-", ""));
        cases.put("malformed", "not a token");
        cases.put("unknown key", "ak_live:" + UUID.randomUUID() + ":" + "x".repeat(38));

        var revoked = Api.post("/v4/personal-access-token", "{\"name\": \"r\"}")
                .bearer(owner)
                .send();
        assertStatus(
                Api.delete("/v4/personal-access-token/" + revoked.string("id"))
                        .bearer(owner)
                        .send(),
                204);
        cases.put("revoked", revoked.string("token"));

        var deactivated = tenant.apiKey();
        assertStatus(
                Api.post("/v4/api-key/" + deactivated.split(":")[1] + "/deactivate", "{}")
                        .bearer(owner)
                        .send(),
                204);
        cases.put("deactivated", deactivated);

        var rotated = tenant.apiKey();
        assertStatus(
                Api.post("/v4/api-key/" + rotated.split(":")[1] + "/rotate", "{\"gracePeriodSeconds\": 0}")
                        .bearer(owner)
                        .send(),
                201);
        cases.put("rotated, out of grace", rotated);

        var fenced = Api.post("/v4/api-key", "{\"expiresInDays\": 1, \"allowedIps\": [\"127.0.0.0/8\"]}")
                .bearer(owner)
                .send()
                .string("key");
        cases.put("fenced by an allowlist", fenced);

        var soon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        var expiring = Api.post("/v4/personal-access-token", "{\"name\": \"e\", \"expiresAt\": \"" + soon + "\"}")
                .bearer(owner)
                .send();
        cases.put("expired", expiring.string("token"));

        var excluded = Tenant.create();
        var excludedKey = excluded.apiKey();
        assertStatus(PlansIT.changePlan(excluded.companyId(), "ESSENTIALS"), 200);
        cases.put("a key the plan excludes", excludedKey);

        Thread.sleep(Math.max(0, soon.toEpochMilli() - System.currentTimeMillis() + 50));
        for (var c : cases.entrySet()) {
            assertInactive(introspectToken(c.getValue()), c.getKey());
            assertFalse(nimbus(c.getValue()).toSuccessResponse().isActive(), c.getKey());
        }
        assertInactive(introspect("token="), "an empty token");
        var hinted = introspect(
                "token=" + URLEncoder.encode(owner, StandardCharsets.UTF_8) + "&token_type_hint=refresh_token");
        assertEquals(Boolean.TRUE, hinted.object().getBoolean("active"), "a hint is only a hint: " + hinted);
    }

    @Test
    void aRevocationIsReflectedAtOnce() throws Exception {
        var tenant = Tenant.create();
        var pat = Api.post("/v4/personal-access-token", "{\"name\": \"soon gone\"}")
                .bearer(tenant.ownerToken())
                .send();
        assertTrue(nimbus(pat.string("token")).toSuccessResponse().isActive());
        assertStatus(
                Api.delete("/v4/personal-access-token/" + pat.string("id"))
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        long revoked = System.nanoTime();
        assertFalse(nimbus(pat.string("token")).toSuccessResponse().isActive());
        assertTrue((System.nanoTime() - revoked) / 1_000_000 < 1000);
    }

    @Test
    void onlyTheConfiguredClientMayAsk() throws Exception {
        var tenant = Tenant.create();
        var form = "token=" + URLEncoder.encode(tenant.ownerToken(), StandardCharsets.UTF_8);
        for (var authorization : new String[] {
            null,
            basic(CLIENT_ID, CLIENT_SECRET + "x"),
            basic("other", CLIENT_SECRET),
            "Bearer " + tenant.ownerToken(),
            "Basic !!!",
            "Basic YWJj",
            basic(CLIENT_ID, "")
        }) {
            var request = Api.postForm("/oauth2/introspect", form);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            var answer = request.send();
            assertEquals(401, answer.status(), authorization + ": " + answer);
            assertEquals("application/json", answer.contentType());
            assertEquals("{\"error\":\"invalid_client\"}", answer.body());
            assertEquals(List.of("Basic realm=\"api-auth\""), answer.header("WWW-Authenticate"));
            assertEquals(List.of("no-store"), answer.header("Cache-Control"));
        }
        var wrong = new TokenIntrospectionRequest(
                ENDPOINT,
                new ClientSecretBasic(new ClientID(CLIENT_ID), new Secret("not-the-secret-0123456789abcdefgh")),
                new BearerAccessToken(tenant.ownerToken()));
        var refused = TokenIntrospectionResponse.parse(wrong.toHTTPRequest().send());
        assertFalse(refused.indicatesSuccess());
        assertEquals(
                "invalid_client", refused.toErrorResponse().getErrorObject().getCode());
        assertEquals(401, refused.toErrorResponse().getErrorObject().getHTTPStatusCode());
    }

    @Test
    void aRequestWithoutATokenIsInvalid() {
        for (var body : new String[] {"", "token_type_hint=access_token", "token=a&token=b"}) {
            var answer = introspect(body);
            assertEquals(400, answer.status(), body);
            assertEquals("{\"error\":\"invalid_request\"}", answer.body());
        }
        var json = Api.post("/oauth2/introspect", "{\"token\": \"rgo-x\"}")
                .header("Authorization", basic(CLIENT_ID, CLIENT_SECRET))
                .send();
        assertEquals(400, json.status(), json::toString);
        var get = Api.get("/oauth2/introspect")
                .header("Authorization", basic(CLIENT_ID, CLIENT_SECRET))
                .send();
        assertEquals(405, get.status(), get::toString);
        assertEquals(List.of("POST"), get.header("Allow"));
    }
}
