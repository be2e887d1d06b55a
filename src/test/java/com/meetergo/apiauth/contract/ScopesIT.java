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
import com.meetergo.apiauth.support.ApiAssertions;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Scopes: what a credential may do within its acting user's role. Every endpoint's scope, the 403 and its RFC 6750
 * challenge, write including read, the scope-free endpoints, the order of checks, and escalation tried from the
 * attacker's side (a narrow credential minting or rotating into a broader one, with and without a user header).
 */
class ScopesIT extends ApiTest {

    static final List<String> ALL = List.of(
            "appointments:read",
            "appointments:write",
            "audit:read",
            "credentials:read",
            "credentials:write",
            "meeting-types:read",
            "meeting-types:write",
            "users:read",
            "users:write");

    static final String ESCALATION = "A credential cannot grant scopes it does not hold";

    /** docs/scopes.md's table: operation to the scope it needs; "" for the scope-free ones. */
    static final Map<String, String> SCOPE_OF = new LinkedHashMap<>();

    static {
        SCOPE_OF.put("GET /v4/user/me", "");
        SCOPE_OF.put("GET /v4/company", "");
        SCOPE_OF.put("POST /v4/personal-access-token/self/rotate", "");
        SCOPE_OF.put("GET /v4/user", "users:read");
        SCOPE_OF.put("POST /v4/user", "users:write");
        SCOPE_OF.put("PATCH /v4/user/{id}", "users:write");
        SCOPE_OF.put("DELETE /v4/user/{id}", "users:write");
        SCOPE_OF.put("GET /v4/meeting-type", "meeting-types:read");
        SCOPE_OF.put("POST /v4/meeting-type", "meeting-types:write");
        SCOPE_OF.put("GET /v4/appointment", "appointments:read");
        SCOPE_OF.put("POST /v4/appointment", "appointments:write");
        SCOPE_OF.put("GET /v4/api-key", "credentials:read");
        SCOPE_OF.put("POST /v4/api-key", "credentials:write");
        SCOPE_OF.put("DELETE /v4/api-key/{id}", "credentials:write");
        SCOPE_OF.put("POST /v4/api-key/{id}/deactivate", "credentials:write");
        SCOPE_OF.put("POST /v4/api-key/{id}/activate", "credentials:write");
        SCOPE_OF.put("POST /v4/api-key/{id}/rotate", "credentials:write");
        SCOPE_OF.put("GET /v4/personal-access-token", "credentials:read");
        SCOPE_OF.put("POST /v4/personal-access-token", "credentials:write");
        SCOPE_OF.put("DELETE /v4/personal-access-token/{id}", "credentials:write");
        SCOPE_OF.put("POST /v4/personal-access-token/{id}/deactivate", "credentials:write");
        SCOPE_OF.put("POST /v4/personal-access-token/{id}/activate", "credentials:write");
        SCOPE_OF.put("POST /v4/personal-access-token/{id}/rotate", "credentials:write");
        SCOPE_OF.put("GET /v4/company/token-policy", "credentials:read");
        SCOPE_OF.put("PUT /v4/company/token-policy", "credentials:write");
        SCOPE_OF.put("GET /v4/audit-event", "audit:read");
        SCOPE_OF.put("GET /v4/api-key/{id}/usage", "credentials:read");
        SCOPE_OF.put("GET /v4/personal-access-token/{id}/usage", "credentials:read");
        SCOPE_OF.put("PUT /v4/api-key/{id}/allowed-ips", "credentials:write");
        SCOPE_OF.put("GET /v4/api-key/{id}/sources", "credentials:read");
        SCOPE_OF.put("GET /v4/personal-access-token/{id}/sources", "credentials:read");
        SCOPE_OF.put("PUT /v4/personal-access-token/{id}/allowed-ips", "credentials:write");
        SCOPE_OF.put("GET /v4/webhook-endpoint", "credentials:read");
        SCOPE_OF.put("POST /v4/webhook-endpoint", "credentials:write");
        SCOPE_OF.put("DELETE /v4/webhook-endpoint/{id}", "credentials:write");
        SCOPE_OF.put("POST /v4/webhook-endpoint/{id}/rotate-secret", "credentials:write");
        SCOPE_OF.put("POST /v4/webhook-endpoint/{id}/test", "credentials:write");
        SCOPE_OF.put("POST /v4/webhook-endpoint/{id}/enable", "credentials:write");
        SCOPE_OF.put("GET /v4/webhook-endpoint/{id}/deliveries", "credentials:read");
    }

    /** A key of {@code tenant} holding {@code scopes} (a JSON array, or null for none given). */
    static Answer createKey(Tenant tenant, String scopesJson) {
        return Api.post(
                        "/v4/api-key",
                        "{\"name\": \"scoped\", \"expiresInDays\": 30"
                                + (scopesJson == null ? "" : ", \"scopes\": " + scopesJson) + "}")
                .bearer(tenant.ownerToken())
                .send();
    }

    static String key(Tenant tenant, String scopesJson) {
        var answer = createKey(tenant, scopesJson);
        assertStatus(answer, 201);
        return answer.string("key");
    }

    static String pat(Tenant tenant, String scopesJson) {
        var answer = Api.post(
                        "/v4/personal-access-token",
                        "{\"name\": \"scoped\"" + (scopesJson == null ? "" : ", \"scopes\": " + scopesJson) + "}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(answer, 201);
        return answer.string("token");
    }

    static List<String> scopes(JsonObject credential) {
        return credential.getJsonArray("scopes").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    static Answer call(String operation, String credential, String actingAs) {
        var space = operation.indexOf(' ');
        var method = operation.substring(0, space);
        var path =
                operation.substring(space + 1).replace("{id}", UUID.randomUUID().toString());
        var request = switch (method) {
            case "GET" -> Api.get(path);
            case "DELETE" -> Api.delete(path);
            case "PUT" -> Api.put(path, "{}");
            case "PATCH" -> Api.patch(path, "{}");
            default -> Api.post(path, "{}");
        };
        request.bearer(credential);
        if (actingAs != null) {
            request.actingAs(actingAs);
        }
        return request.send();
    }

    static void assertInsufficientScope(Answer answer, String scope) {
        assertError(answer, 403, "Forbidden", "Insufficient scope: this endpoint requires '" + scope + "'");
        assertEquals(
                List.of("Bearer error=\"insufficient_scope\", scope=\"" + scope + "\""),
                answer.header("WWW-Authenticate"),
                answer::toString);
    }

    @Test
    void aCredentialMadeWithoutScopesHoldsEveryScopeShownSorted() {
        var tenant = Tenant.create();
        var created = createKey(tenant, null);
        assertStatus(created, 201);
        assertEquals(ALL, scopes(created.object()));
        var pat = Api.post("/v4/personal-access-token", "{\"name\": \"full\"}")
                .bearer(tenant.ownerToken())
                .send();
        assertEquals(ALL, scopes(pat.object()), pat::toString);
        // naming every scope is the same full access
        var named =
                createKey(tenant, ALL.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]")));
        assertEquals(ALL, scopes(named.object()), named::toString);
        var listed = Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array();
        for (var item : listed) {
            assertEquals(ALL, scopes(item.asJsonObject()), item::toString);
        }
    }

    @Test
    void scopesGivenAreKeptSortedInAnswerAndList() {
        var tenant = Tenant.create();
        var created = createKey(tenant, "[\"meeting-types:write\", \"appointments:read\", \"appointments:read\"]");
        assertStatus(created, 201);
        assertEquals(List.of("appointments:read", "meeting-types:write"), scopes(created.object()));
        var listed = Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> o.getString("id").equals(created.string("id")))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("appointments:read", "meeting-types:write"), scopes(listed));
        var empty = Api.post("/v4/personal-access-token", "{\"name\": \"none\", \"scopes\": []}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(empty, 201);
        assertEquals(List.of(), scopes(empty.object()));
        var listedPat = Api.get("/v4/personal-access-token").bearer(tenant.ownerToken()).send().array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> o.getString("id").equals(empty.string("id")))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of(), scopes(listedPat));
    }

    @Test
    void anUnknownScopeIsNamedBack() {
        var tenant = Tenant.create();
        assertBadRequest(createKey(tenant, "[\"appointments:read\", \"foo\"]"), "Unknown scope 'foo'");
        assertBadRequest(
                Api.post("/v4/personal-access-token", "{\"name\": \"x\", \"scopes\": [\"Users:Read\"]}")
                        .bearer(tenant.ownerToken())
                        .send(),
                "Unknown scope 'Users:Read'");
        var own = Api.get("/v4/personal-access-token")
                .bearer(tenant.ownerToken())
                .send()
                .array();
        var ownerToken = own.getJsonObject(0).getString("id");
        assertBadRequest(
                Api.post("/v4/personal-access-token/" + ownerToken + "/rotate", "{\"scopes\": [\"admin\"]}")
                        .bearer(tenant.ownerToken())
                        .send(),
                "Unknown scope 'admin'");
        assertEquals(
                1,
                Api.get("/v4/personal-access-token")
                        .bearer(tenant.ownerToken())
                        .send()
                        .array()
                        .size(),
                "nothing was created or rotated");
    }

    @Test
    void openApiNamesEachOperationsScope() {
        var paths = Api.get("/openapi?format=JSON").send().object().getJsonObject("paths");
        var documented = new TreeMap<String, String>();
        for (var path : paths.keySet()) {
            if (!path.startsWith("/v4/") || path.equals("/v4/credential-revocation")) {
                continue;
            }
            for (var entry : paths.getJsonObject(path).entrySet()) {
                var operation = entry.getValue().asJsonObject();
                var requirements = operation.getJsonArray("security");
                var names = new ArrayList<String>();
                for (var requirement : requirements) {
                    for (var scheme : requirement.asJsonObject().entrySet()) {
                        names.add(scheme.getKey() + "="
                                + scheme.getValue().asJsonArray().getValuesAs(JsonString.class).stream()
                                        .map(JsonString::getString)
                                        .collect(Collectors.joining(",")));
                    }
                }
                var op = entry.getKey().toUpperCase() + " " + path;
                var scope = SCOPE_OF.get(op);
                assertEquals(List.of("personalAccessToken=" + scope, "platformApiKey=" + scope), names, op);
                documented.put(op, scope);
                if (!scope.isEmpty()) {
                    var forbidden = operation
                            .getJsonObject("responses")
                            .getJsonObject("403")
                            .getJsonObject("content")
                            .getJsonObject("application/json")
                            .getJsonObject("examples");
                    assertEquals(
                            "Insufficient scope: this endpoint requires '" + scope + "'",
                            forbidden
                                    .getJsonObject("insufficient_scope")
                                    .getJsonObject("value")
                                    .getString("message"),
                            op);
                }
            }
        }
        assertEquals(new TreeMap<>(SCOPE_OF), documented, "every operation of the table, and only those");
    }

    @Test
    void everyEndpointRefusesACredentialWithoutItsScopeAndServesOneWithIt() {
        var tenant = Tenant.create();
        var none = key(tenant, "[]");
        var byScope = new LinkedHashMap<String, String>();
        for (var scope : ALL) {
            byScope.put(scope, key(tenant, "[\"" + scope + "\"]"));
        }
        for (var entry : SCOPE_OF.entrySet()) {
            var operation = entry.getKey();
            var scope = entry.getValue();
            if (scope.isEmpty()) {
                continue;
            }
            // the owner acts: the role allows everything, only the scope can refuse
            assertInsufficientScope(call(operation, none, tenant.ownerId()), scope);
            for (var other : ALL) {
                var answer = call(operation, byScope.get(other), tenant.ownerId());
                boolean grants = other.equals(scope) || other.equals(scope.replace(":read", ":write"));
                if (grants) {
                    assertFalse(answer.status() == 403, operation + " with " + other + ": " + answer);
                } else {
                    assertInsufficientScope(answer, scope);
                }
            }
        }
    }

    @Test
    void writeIncludesRead() {
        var tenant = Tenant.create();
        var writer = key(tenant, "[\"meeting-types:write\"]");
        var listed = Api.get("/v4/meeting-type")
                .bearer(writer)
                .actingAs(tenant.ownerId())
                .send();
        assertStatus(listed, 200);
        assertInsufficientScope(
                Api.get("/v4/appointment")
                        .bearer(writer)
                        .actingAs(tenant.ownerId())
                        .send(),
                "appointments:read");
    }

    @Test
    void aCredentialWithNoScopeStillVerifiesAndRenewsItself() {
        var tenant = Tenant.create();
        var token = pat(tenant, "[]");
        var me = Api.get("/v4/user/me").bearer(token).send();
        assertStatus(me, 200);
        assertEquals(tenant.ownerId(), me.string("id"), me::toString);
        assertStatus(Api.get("/v4/company").bearer(token).send(), 200);
        var renewed = Api.post("/v4/personal-access-token/self/rotate", "{}")
                .bearer(token)
                .send();
        assertStatus(renewed, 201);
        assertEquals(List.of(), scopes(renewed.object()), "the successor keeps the scopes");
        assertInsufficientScope(
                Api.get("/v4/personal-access-token").bearer(token).send(), "credentials:read");
        // an API key with no scope: the owner-by-default endpoint GET /v4/user/me too
        var key = key(tenant, "[]");
        assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);
    }

    @Test
    void theRoleStillApplies() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        // a member's full-access PAT cannot list users: the role check, as before
        assertForbidden(Api.get("/v4/user").bearer(tenant.tokenOf(member)).send());
        // a key holding users:read acting as the member: the role again
        assertForbidden(Api.get("/v4/user")
                .bearer(key(tenant, "[\"users:read\"]"))
                .actingAs(member)
                .send());
        // without the scope, the scope is checked first
        assertInsufficientScope(
                Api.get("/v4/user").bearer(key(tenant, "[]")).actingAs(member).send(), "users:read");
    }

    @Test
    void theScopeIsCheckedAfterTheUserHeaderAndThePlan() {
        var tenant = Tenant.create();
        var stranger = Tenant.create();
        var none = key(tenant, "[]");
        assertBadRequest(Api.get("/v4/meeting-type").bearer(none).send(), ApiKeyIT.MISSING_USER_HEADER);
        assertError(
                Api.get("/v4/meeting-type")
                        .bearer(none)
                        .actingAs(stranger.ownerId())
                        .send(),
                500,
                "Internal Server Error",
                "API user does not belong to company");
        var narrowPat = pat(tenant, "[]");
        assertError(
                Api.get("/v4/meeting-type")
                        .bearer(narrowPat)
                        .actingAs(stranger.ownerId())
                        .send(),
                403,
                "Forbidden",
                "The 'x-meetergo-api-user-id' header requires a Platform API Key. Personal Access Tokens"
                        + " always act as the token owner and cannot act on behalf of other users.");
        assertStatus(PlansIT.changePlan(tenant.companyId(), "BUSINESS"), 200);
        ApiAssertions.millisUntilStatus(
                () -> Api.get("/v4/user/me")
                        .bearer(none)
                        .actingAs(tenant.ownerId())
                        .send(),
                403);
        assertError(
                Api.get("/v4/meeting-type")
                        .bearer(none)
                        .actingAs(tenant.ownerId())
                        .send(),
                403,
                "Forbidden",
                PlansIT.KEY_NEEDS_PLAN);
    }

    /** The attacker holds a key that may only manage credentials, and wants more. */
    @Test
    void aNarrowKeyCannotMintOrRotateIntoABroaderCredential() {
        var tenant = Tenant.create();
        var narrow = key(tenant, "[\"credentials:write\"]");
        var owner = tenant.ownerId();
        // minting: full access (no "scopes"), a scope it lacks, or a PAT for the acting user
        assertError(
                Api.post("/v4/api-key", "{\"expiresInDays\": 30}")
                        .bearer(narrow)
                        .actingAs(owner)
                        .send(),
                403,
                "Forbidden",
                ESCALATION);
        assertError(
                Api.post("/v4/api-key", "{\"expiresInDays\": 30, \"scopes\": [\"credentials:write\", \"users:read\"]}")
                        .bearer(narrow)
                        .actingAs(owner)
                        .send(),
                403,
                "Forbidden",
                ESCALATION);
        assertError(
                Api.post("/v4/personal-access-token", "{\"name\": \"launder\"}")
                        .bearer(narrow)
                        .actingAs(owner)
                        .send(),
                403,
                "Forbidden",
                ESCALATION);
        assertError(
                Api.post("/v4/personal-access-token", "{\"name\": \"launder\", \"scopes\": [\"audit:read\"]}")
                        .bearer(narrow)
                        .actingAs(owner)
                        .send(),
                403,
                "Forbidden",
                ESCALATION);
        // without a user header: the credential endpoints need one; the owner-by-default one needs users:write
        assertBadRequest(
                Api.post("/v4/api-key", "{\"expiresInDays\": 30}")
                        .bearer(narrow)
                        .send(),
                ApiKeyIT.MISSING_USER_HEADER);
        assertInsufficientScope(Api.post("/v4/user", """
                {"email": "x@example.com", "givenName": "X", "familyName": "Y", "role": "ADMIN"}""").bearer(narrow).send(), "users:write");
        // rotating: a broader key by id (its successor's secret would be the attacker's), or itself wider
        var full = key(tenant, null);
        var fullId = full.split(":")[1];
        assertError(
                Api.post("/v4/api-key/" + fullId + "/rotate", "{}")
                        .bearer(narrow)
                        .actingAs(owner)
                        .send(),
                403,
                "Forbidden",
                ESCALATION);
        var narrowId = narrow.split(":")[1];
        assertError(
                Api.post("/v4/api-key/" + narrowId + "/rotate", "{\"scopes\": [\"credentials:write\", \"audit:read\"]}")
                        .bearer(narrow)
                        .actingAs(owner)
                        .send(),
                403,
                "Forbidden",
                ESCALATION);
        // nothing was minted and nothing rotated: the company still has exactly its two keys, both active and not
        // replaced
        var keys = Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array();
        assertEquals(2, keys.size(), keys::toString);
        for (var k : keys) {
            assertEquals("ACTIVE", k.asJsonObject().getString("status"));
            assertTrue(k.asJsonObject().isNull("replacedBy"), k::toString);
        }
        // what it may do: mint within its own scopes, and rotate a narrower one to its successor
        var within = Api.post("/v4/api-key", "{\"expiresInDays\": 30, \"scopes\": [\"credentials:read\"]}")
                .bearer(narrow)
                .actingAs(owner)
                .send();
        assertStatus(within, 201);
        assertEquals(List.of("credentials:read"), scopes(within.object()));
        var rotated = Api.post("/v4/api-key/" + within.string("id") + "/rotate", "{}")
                .bearer(narrow)
                .actingAs(owner)
                .send();
        assertStatus(rotated, 201);
        assertEquals(List.of("credentials:read"), scopes(rotated.object()));
    }

    @Test
    void rotationKeepsOrNarrowsTheScopesNeverWidens() {
        var tenant = Tenant.create();
        var full = createKey(tenant, null);
        var kept = Api.post("/v4/api-key/" + full.string("id") + "/rotate", "{}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(kept, 201);
        assertEquals(ALL, scopes(kept.object()));
        var narrowed = Api.post(
                        "/v4/api-key/" + kept.string("id") + "/rotate", "{\"scopes\": [\"appointments:write\"]}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(narrowed, 201);
        assertEquals(List.of("appointments:write"), scopes(narrowed.object()));
        // a full-access caller cannot widen a narrow credential by rotating it
        assertBadRequest(
                Api.post(
                                "/v4/api-key/" + narrowed.string("id") + "/rotate",
                                "{\"scopes\": [\"appointments:write\", \"audit:read\"]}")
                        .bearer(tenant.ownerToken())
                        .send(),
                "A rotation keeps or narrows the scopes; it cannot add any");
        // write to read is narrowing
        var toRead = Api.post(
                        "/v4/api-key/" + narrowed.string("id") + "/rotate", "{\"scopes\": [\"appointments:read\"]}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(toRead, 201);
        assertEquals(List.of("appointments:read"), scopes(toRead.object()));
        // a PAT narrows itself on self-rotation
        var token = pat(tenant, "[\"meeting-types:write\", \"appointments:read\"]");
        var self = Api.post("/v4/personal-access-token/self/rotate", "{\"scopes\": [\"appointments:read\"]}")
                .bearer(token)
                .send();
        assertStatus(self, 201);
        assertEquals(List.of("appointments:read"), scopes(self.object()));
        assertInsufficientScope(
                Api.get("/v4/meeting-type").bearer(self.string("token")).send(), "meeting-types:read");
    }

    @Test
    void creationAndRotationAreAuditedWithTheScopes() {
        var tenant = Tenant.create();
        var created = createKey(tenant, "[\"audit:read\", \"appointments:read\"]");
        assertStatus(created, 201);
        var rotated = Api.post("/v4/api-key/" + created.string("id") + "/rotate", "{\"scopes\": [\"audit:read\"]}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(rotated, 201);
        var full = createKey(tenant, null);
        Map<String, String> details = new TreeMap<>();
        for (var id : List.of(created.string("id"), rotated.string("id"), full.string("id"))) {
            var events = Api.get("/v4/audit-event?credentialId=" + id)
                    .bearer(tenant.ownerToken())
                    .send();
            assertStatus(events, 200);
            for (var e : events.array()) {
                var event = e.asJsonObject();
                details.put(
                        event.getString("type") + " "
                                + (id.equals(created.string("id"))
                                        ? "old"
                                        : id.equals(rotated.string("id")) ? "new" : "full"),
                        event.getString("detail", null));
            }
        }
        assertEquals(
                Map.of(
                        "created old",
                        "scopes: [appointments:read audit:read]",
                        "rotated old",
                        "scopes: [audit:read]",
                        "created new",
                        "scopes: [audit:read]",
                        "created full",
                        "scopes: full access"),
                details);
        assertNotEquals(created.string("id"), rotated.string("id"));
    }
}
