package com.meetergo.apiauth.gateway;

import static com.meetergo.apiauth.support.ApiAssertions.assertForbidden;
import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static com.meetergo.apiauth.support.ApiAssertions.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.contract.PlansIT;
import com.meetergo.apiauth.contract.UsageIT;
import com.meetergo.apiauth.security.contract.ErrorResponses;
import com.meetergo.apiauth.security.gateway.IdentityHeaders;
import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Prometheus;
import com.meetergo.apiauth.support.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The check a gateway asks (/gateway/check), called as a gateway calls it: for every rule, the check's answer to "may
 * this client request pass?" is the answer the WAR gives to that request itself, compared whole (status, Content-Type,
 * body, WWW-Authenticate, Retry-After); an allowed request gets the identity headers instead of the resource's answer.
 * The real gateways in front (nginx, Caddy) are tested by the gateway tests; this one holds the check to the WAR.
 */
class GatewayCheckIT extends ApiTest {

    /** The check for a client's {@code method uri}, with the client's own headers. */
    static Answer check(String method, String uri, UnaryOperator<Api> client) {
        return client.apply(Api.get("/gateway/check")
                        .header("X-Forwarded-Method", method)
                        .header("X-Forwarded-Uri", uri))
                .send();
    }

    /** The same request sent to the WAR itself. */
    static Answer war(String method, String uri, UnaryOperator<Api> client) {
        var request = switch (method) {
            case "GET" -> Api.get(uri);
            case "DELETE" -> Api.delete(uri);
            case "POST" -> Api.post(uri, "{}");
            case "PUT" -> Api.put(uri, "{}");
            case "PATCH" -> Api.patch(uri, "{}");
            default -> throw new IllegalArgumentException(method);
        };
        return client.apply(request).send();
    }

    /** What a client behind a gateway sees of a refusal: all of it but the hop's own headers. */
    static String refusal(Answer answer) {
        return answer.status() + " " + answer.contentType() + " WWW-Authenticate=" + answer.header("WWW-Authenticate")
                + " Retry-After=" + answer.header("Retry-After") + " " + answer.body();
    }

    /** A refusal: the check and the WAR answer alike, and it is not a success. */
    static void assertSameRefusal(String method, String uri, UnaryOperator<Api> client) {
        var war = war(method, uri, client);
        var check = check(method, uri, client);
        assertTrue(war.status() >= 400, war::toString);
        assertEquals(refusal(war), refusal(check), method + " " + uri);
        assertEquals(List.of(war.body()), check.header(ErrorResponses.REFUSAL_HEADER), "the refusal, for nginx");
    }

    @Test
    void theContractsSixAnswersAreTheWarsWhole() throws Exception {
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

        Map<String, UnaryOperator<Api>> seeds = new LinkedHashMap<>();
        seeds.put("no Authorization", a -> a);
        seeds.put("an invalid credential", a -> a.bearer("rgo-" + "x".repeat(40)));
        seeds.put("an expired PAT", a -> a.bearer(expiring.string("token")));
        seeds.put(
                "a PAT naming another user", a -> a.bearer(tenant.ownerToken()).actingAs(member));
        seeds.put("a key naming no user", a -> a.bearer(key));
        seeds.put("a key naming a user of another company", a -> a.bearer(key).actingAs(stranger.ownerId()));
        var seen = new ArrayList<Integer>();
        for (var seed : seeds.entrySet()) {
            var war = war("GET", "/v4/meeting-type", seed.getValue());
            var check = check("GET", "/v4/meeting-type", seed.getValue());
            assertEquals(refusal(war), refusal(check), seed.getKey());
            assertEquals(List.of(war.body()), check.header(ErrorResponses.REFUSAL_HEADER), seed.getKey());
            seen.add(check.status());
        }
        assertEquals(List.of(401, 401, 401, 403, 400, 500), seen, "the contract's six answers");
        assertUnauthorized(check("GET", "/v4/meeting-type", seeds.get("an expired PAT")), "API key has expired");
    }

    @Test
    void aCredentialsStateScopesRolePlanAndAllowlistAreJudgedAsByTheWar() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var memberToken = tenant.tokenOf(member);
        var narrow = Api.post(
                        "/v4/personal-access-token", "{\"name\": \"narrow\", \"scopes\": [\"meeting-types:read\"]}")
                .bearer(tenant.ownerToken())
                .send();
        var deactivated = tenant.apiKey();
        assertStatus(
                Api.post("/v4/api-key/" + deactivated.split(":")[1] + "/deactivate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        var fenced = tenant.apiKey();
        assertStatus(
                Api.put(
                                "/v4/api-key/" + fenced.split(":")[1] + "/allowed-ips",
                                "{\"allowedIps\": [\"203.0.113.0/24\"]}")
                        .bearer(tenant.ownerToken())
                        .send(),
                200);

        assertSameRefusal("GET", "/v4/appointment", a -> a.bearer(narrow.string("token")));
        assertSameRefusal("GET", "/v4/api-key", a -> a.bearer(memberToken));
        assertSameRefusal("DELETE", "/v4/user/" + UUID.randomUUID(), a -> a.bearer(tenant.ownerToken()));
        assertSameRefusal("GET", "/v4/meeting-type", a -> a.bearer(deactivated).actingAs(tenant.ownerId()));
        assertSameRefusal("GET", "/v4/meeting-type", a -> a.bearer(fenced).actingAs(tenant.ownerId()));
        assertStatus(check("GET", "/v4/meeting-type", a -> a.bearer(narrow.string("token"))), 200);
        assertStatus(check("GET", "/v4/meeting-type", a -> a.bearer(memberToken)), 200);

        var key = tenant.apiKey();
        assertStatus(PlansIT.changePlan(tenant.companyId(), "ESSENTIALS"), 200);
        assertSameRefusal("GET", "/v4/meeting-type", a -> a.bearer(key).actingAs(tenant.ownerId()));
        assertStatus(check("GET", "/v4/meeting-type", a -> a.bearer(tenant.ownerToken())), 200);
    }

    @Test
    void anAllowedRequestGetsWhoItActsAsForUpstream() {
        var tenant = Tenant.create();
        var admin = tenant.user("ADMIN");
        var created = Api.post("/v4/api-key", "{\"name\": \"gw\", \"expiresInDays\": 30}")
                .bearer(tenant.ownerToken())
                .send();
        var key = created.string("key");
        var keyId = key.split(":")[1];

        var asAdmin = check("GET", "/v4/meeting-type", a -> a.bearer(key).actingAs(admin));
        assertStatus(asAdmin, 200);
        assertEquals("", asAdmin.body());
        assertEquals(List.of(), asAdmin.header(ErrorResponses.REFUSAL_HEADER));
        assertIdentity(asAdmin, admin, tenant.companyId(), "ADMIN", "API_KEY", keyId, created.string("expiresAt"));

        var asOwner = check("GET", "/v4/user/me", a -> a.bearer(key));
        assertIdentity(
                asOwner, tenant.ownerId(), tenant.companyId(), "OWNER", "API_KEY", keyId, created.string("expiresAt"));

        var pat = Api.post(
                        "/v4/personal-access-token",
                        "{\"name\": \"gw\", \"scopes\": [\"appointments:read\"," + " \"meeting-types:write\"]}")
                .bearer(tenant.ownerToken())
                .send();
        var byPat = check("GET", "/v4/meeting-type?page=2", a -> a.bearer(pat.string("token")));
        assertIdentity(
                byPat, tenant.ownerId(), tenant.companyId(), "OWNER", "PERSONAL_ACCESS_TOKEN", pat.string("id"), null);
        assertEquals(List.of("appointments:read meeting-types:write"), byPat.header(IdentityHeaders.SCOPES));
    }

    private static void assertIdentity(
            Answer answer,
            String user,
            String company,
            String role,
            String type,
            String credentialId,
            String expiresAt) {
        assertStatus(answer, 200);
        assertEquals(List.of(user), answer.header(IdentityHeaders.USER_ID), answer::toString);
        assertEquals(List.of(company), answer.header(IdentityHeaders.COMPANY_ID));
        assertEquals(List.of(role), answer.header(IdentityHeaders.ROLE));
        assertEquals(List.of(type), answer.header(IdentityHeaders.CREDENTIAL_TYPE));
        assertEquals(List.of(credentialId), answer.header(IdentityHeaders.CREDENTIAL_ID));
        assertEquals(
                expiresAt == null ? List.of() : List.of(Instant.parse(expiresAt).toString()),
                answer.header(IdentityHeaders.EXPIRES_AT));
    }

    @Test
    void aRouteTheTableDoesNotNameOrThatIsAmbiguousIsRefused() {
        var tenant = Tenant.create();
        UnaryOperator<Api> owner = a -> a.bearer(tenant.ownerToken());
        for (var uri : List.of(
                "/v4/not-a-route",
                "/v4/user/me/",
                "/v4//user/me",
                "/v4/user/../api-key",
                "/v4/user/%2e%2e/api-key",
                "/v4/api-key%2Fx/usage",
                "/v4/user/%zz",
                "/other/v4/user/me",
                "")) {
            assertForbidden(check("GET", uri, owner));
        }
        assertForbidden(check("TRACE", "/v4/user/me", owner));
        // no credential: the credential's answer comes first, as in the WAR
        assertUnauthorized(check("GET", "/v4/not-a-route", a -> a), "Missing authorization header");
        assertInvalidCredential(check("GET", "/v4/not-a-route", a -> a.bearer("rgo-nothing")));

        // the gateway's account of the request must be one: conventions that disagree, or a header
        // sent twice, are no request at all
        assertForbidden(owner.apply(Api.get("/gateway/check")
                        .header("X-Forwarded-Method", "GET")
                        .header("X-Forwarded-Uri", "/v4/user/me")
                        .header("X-Original-URI", "/v4/api-key"))
                .send());
        assertForbidden(owner.apply(Api.get("/gateway/check")
                        .header("X-Forwarded-Method", "GET")
                        .header("X-Forwarded-Uri", "/v4/user/me")
                        .header("X-Forwarded-Uri", "/v4/user/me"))
                .send());
        assertForbidden(owner.apply(Api.get("/gateway/check")
                        .header("X-Forwarded-Method", "GET")
                        .header("X-Original-Method", "DELETE")
                        .header("X-Forwarded-Uri", "/v4/user/me"))
                .send());
        assertForbidden(owner.apply(Api.get("/gateway/check/v4/user/me").header("X-Forwarded-Uri", "/v4/api-key"))
                .send());
        assertForbidden(owner.apply(Api.get("/gateway/check")).send());
    }

    @Test
    void everyGatewaysWayOfNamingTheRequestIsRead() {
        var tenant = Tenant.create();
        UnaryOperator<Api> owner = a -> a.bearer(tenant.ownerToken());
        // nginx auth_request, as gateway/nginx.conf sets it
        assertStatus(
                owner.apply(Api.get("/gateway/check")
                                .header("X-Original-Method", "GET")
                                .header("X-Original-URI", "/v4/user/me"))
                        .send(),
                200);
        // Envoy ext_authz: the client's method and path after the check's own
        assertStatus(owner.apply(Api.get("/gateway/check/v4/user/me")).send(), 200);
        assertStatus(
                owner.apply(Api.delete("/gateway/check/v4/personal-access-token/" + UUID.randomUUID()))
                        .send(),
                200);
        // OPTIONS is judged like any method: no route names it, so it is refused (not JAX-RS's own 200)
        assertForbidden(owner.apply(Api.get("/gateway/check")
                        .header("X-Forwarded-Method", "OPTIONS")
                        .header("X-Forwarded-Uri", "/v4/user/me"))
                .send());
        // HEAD takes GET's route
        assertStatus(check("HEAD", "/v4/user/me", owner), 200);
    }

    @Test
    void anOpenRouteNeedsNoCredentialAndCarriesNoIdentity() {
        var open = check("POST", "/v4/credential-revocation", a -> a);
        assertStatus(open, 200);
        assertEquals(List.of(), open.header(IdentityHeaders.USER_ID));
        var withCredential = check("POST", "/v4/credential-revocation", a -> a.bearer("rgo-anything"));
        assertStatus(withCredential, 200);
        assertEquals(List.of(), withCredential.header(IdentityHeaders.CREDENTIAL_ID));
    }

    /** Usage, last use and the impersonation audit count a check as the request it stands for. */
    @Test
    void aCheckIsCountedAsTheWarCountsTheRequest() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var key = tenant.apiKey();
        var keyId = key.split(":")[1];
        UnaryOperator<Api> asMember = a -> a.bearer(key).actingAs(member);
        assertStatus(check("GET", "/v4/meeting-type", asMember), 200);
        assertStatus(check("GET", "/v4/meeting-type", asMember), 200);
        assertForbidden(check("GET", "/v4/audit-event", asMember));
        UsageIT.awaitJson(
                () -> Api.get("/v4/api-key/" + keyId + "/usage?days=1")
                        .bearer(tenant.ownerToken())
                        .send(),
                """
                {"credentialId": "%s", "days": [{"date": "%s", "success": 2, "refused": 1, "failed": 0}]}""".formatted(keyId, UsageIT.today()));
        var listed = Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> o.getString("id").equals(keyId))
                .findFirst()
                .orElseThrow();
        assertEquals("127.0.0.1", listed.getString("lastUsedIp"), listed::toString);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Api.get("/v4/audit-event?type=impersonation&credentialId=" + keyId)
                        .bearer(tenant.ownerToken())
                        .send()
                        .array()
                        .size()
                != 1) {
            assertTrue(System.nanoTime() < deadline, "no impersonation event for the check");
            LockSupport.parkNanos(100_000_000);
        }
    }

    /** A warm check, as a warm request, reads no credential from the database. */
    @Test
    void aWarmCheckReadsNoCredential() {
        var tenant = Tenant.create();
        UnaryOperator<Api> owner = a -> a.bearer(tenant.ownerToken());
        warm(() -> check("GET", "/v4/meeting-type", owner));
        var before = Prometheus.scrape();
        for (int i = 0; i < 50; i++) {
            assertStatus(check("GET", "/v4/meeting-type", owner), 200);
        }
        var after = Prometheus.scrape();
        long reads = total(after, "apiauth_cache_credential_reads_total")
                - total(before, "apiauth_cache_credential_reads_total");
        long bypassed = total(after, "apiauth_cache_bypassed_total") - total(before, "apiauth_cache_bypassed_total");
        // a read happens only when the cache may not answer (its change-notice poll was late)
        assertTrue(reads <= bypassed, reads + " credential reads for 50 warm checks, " + bypassed + " bypassed");
        System.out.println(
                "gateway check: " + reads + " credential reads for 50 warm checks (" + bypassed + " cache bypasses)");
    }

    /**
     * Checks until the cache holds the credential. The change notices of the tenant's own setup empty its entry
     * whenever the poller applies them, which it does within {@code apiauth.cache.max-staleness} (1 s) of their commit,
     * or the lookup is not answered from the cache (and counted as bypassed). So: keep checking past that second, until
     * a check read no credential.
     */
    private static void warm(Supplier<Answer> check) {
        long settled = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        long deadline = settled + TimeUnit.SECONDS.toNanos(30);
        long reads;
        do {
            assertTrue(System.nanoTime() < deadline, "the cache never held the credential");
            var before = Prometheus.scrape();
            assertStatus(check.get(), 200);
            reads = total(Prometheus.scrape(), "apiauth_cache_credential_reads_total")
                    - total(before, "apiauth_cache_credential_reads_total");
        } while (reads > 0 || System.nanoTime() - settled < 0);
    }

    private static long total(String scrape, String name) {
        return Prometheus.series(scrape, name).stream()
                .mapToLong(Prometheus.Series::count)
                .sum();
    }

    @Test
    void aRevokedCredentialIsRefusedAtOnce() {
        var tenant = Tenant.create();
        var pat = Api.post("/v4/personal-access-token", "{\"name\": \"gone soon\"}")
                .bearer(tenant.ownerToken())
                .send();
        UnaryOperator<Api> client = a -> a.bearer(pat.string("token"));
        assertStatus(check("GET", "/v4/meeting-type", client), 200);
        assertStatus(
                Api.delete("/v4/personal-access-token/" + pat.string("id"))
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        assertInvalidCredential(check("GET", "/v4/meeting-type", client));
    }
}
