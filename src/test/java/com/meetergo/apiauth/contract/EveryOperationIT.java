package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertBadRequest;
import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertForbidden;
import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract's header rules on every operation the server describes as secured (read from the served /openapi, so
 * that a new endpoint is covered the day it is added), and the role rules on every operation of a kind.
 */
class EveryOperationIT extends ApiTest {

    /** A secured operation, with a request for it (path ids are random UUIDs, bodies "{}"). */
    private record Operation(String method, String path, JsonObject description) {

        Api request() {
            var concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            return switch (method) {
                case "get" -> Api.get(concrete);
                case "post" -> Api.post(concrete, "{}");
                case "patch" -> Api.patch(concrete, "{}");
                case "put" -> Api.put(concrete, "{}");
                case "delete" -> Api.delete(concrete);
                default -> throw new AssertionError("unexpected method " + this);
            };
        }

        /** The two operations whose user header is optional for a key: without it the key acts as the owner. */
        boolean actsAsOwnerWithoutHeader() {
            var parameters = description.getJsonArray("parameters");
            return parameters != null
                    && parameters.stream()
                            .map(JsonValue::asJsonObject)
                            .filter(p -> Api.USER_HEADER.equals(p.getString("name")))
                            .anyMatch(p -> p.getString("description")
                                    .contains("without it the request acts as the company owner"));
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private static final List<Operation> SECURED = new ArrayList<>();

    /**
     * An operation the document says takes a PAT or an API key: its security names the credential schemes. The others
     * say what they take instead (the provisioning secret, the introspection client) or {@code security: []} (the leak
     * report).
     */
    static boolean securedByACredential(JsonObject operation) {
        var security = operation.getJsonArray("security");
        return security != null
                && security.stream().anyMatch(r -> r.asJsonObject().containsKey("personalAccessToken"));
    }

    @BeforeAll
    static void readTheSecuredOperations() {
        var answer = Api.get("/openapi?format=JSON").send();
        assertEquals(200, answer.status(), answer::toString);
        var paths = answer.object().getJsonObject("paths");
        for (var path : paths.keySet()) {
            for (var entry : paths.getJsonObject(path).entrySet()) {
                if (entry.getValue().getValueType() == JsonValue.ValueType.OBJECT
                        && securedByACredential(entry.getValue().asJsonObject())) {
                    SECURED.add(
                            new Operation(entry.getKey(), path, entry.getValue().asJsonObject()));
                }
            }
        }
        assertTrue(SECURED.size() >= 25, "secured operations: " + SECURED);
    }

    /** Runs the check on every operation and reports every operation that fails it, not just the first. */
    private static void onEveryOperation(Consumer<Operation> check) {
        var failures = new ArrayList<String>();
        for (var operation : SECURED) {
            try {
                check.accept(operation);
            } catch (AssertionError e) {
                failures.add(operation + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aKeyWithoutUserHeaderIsBadRequestEverywhereButTheTwoMarkedOperations() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var marked = new TreeSet<String>();
        onEveryOperation(operation -> {
            var answer = operation.request().bearer(key).send();
            if (operation.actsAsOwnerWithoutHeader()) {
                marked.add(operation.toString());
                assertTrue(
                        answer.status() != 400 || !answer.body().contains(ApiKeyIT.MISSING_USER_HEADER),
                        answer::toString);
            } else {
                assertBadRequest(answer, ApiKeyIT.MISSING_USER_HEADER);
            }
        });
        assertEquals(new TreeSet<>(Set.of("GET /v4/user/me", "POST /v4/user")), marked);
    }

    @Test
    void anUnknownWellFormedCredentialIsInvalidOnEveryOperation() {
        var stranger = Tenant.create();
        var random = new SecureRandom();
        onEveryOperation(operation -> {
            assertInvalidCredential(
                    operation.request().bearer(TokenFormat.newPat(random)).send());
            assertInvalidCredential(operation
                    .request()
                    .bearer(TokenFormat.newApiKey(random, UUID.randomUUID().toString()))
                    .actingAs(stranger.ownerId())
                    .send());
        });
    }

    @Test
    void aPatWithAUserHeaderIsForbiddenOnEveryOperation() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        onEveryOperation(operation -> assertError(
                operation.request().bearer(tenant.ownerToken()).actingAs(member).send(),
                403,
                "Forbidden",
                PersonalAccessTokenIT.PAT_IMPERSONATION));
    }

    @Test
    void aKeyNamingAUserOfAnotherCompanyIsTheContracts500OnEveryOperation() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var stranger = Tenant.create();
        onEveryOperation(operation -> assertError(
                operation.request().bearer(key).actingAs(stranger.ownerId()).send(),
                500,
                "Internal Server Error",
                "API user does not belong to company"));
    }

    @Test
    void aMalformedUserHeaderIsBadRequestOnEveryOperation() {
        var key = Tenant.create().apiKey();
        onEveryOperation(operation -> assertBadRequest(
                operation.request().bearer(key).actingAs("not-a-uuid").send(),
                "Header 'x-meetergo-api-user-id' must be a user id (UUID)"));
    }

    /** Create, revoke, deactivate, activate, rotate: a member can do none of them, with either credential. */
    @Test
    void membersAreRefusedOnAllFiveKeyOperations() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var memberPat = tenant.tokenOf(member);
        var key = tenant.apiKey();
        var target = tenant.apiKey();
        var id = target.split(":")[1];
        var deactivated = tenant.apiKey().split(":")[1];
        assertStatus(
                Api.post("/v4/api-key/" + deactivated + "/deactivate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        Supplier<List<String>> keys = () -> Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array().stream()
                .map(JsonValue::asJsonObject)
                .map(o -> o.getString("id") + " " + o.getString("status") + " " + o.get("replacedBy"))
                .sorted()
                .toList();
        var before = keys.get();
        var operations = List.<Supplier<Api>>of(
                () -> Api.post("/v4/api-key", "{\"name\": \"mine\", \"expiresInDays\": 1}"),
                () -> Api.delete("/v4/api-key/" + id),
                () -> Api.post("/v4/api-key/" + id + "/deactivate", "{}"),
                () -> Api.post("/v4/api-key/" + deactivated + "/activate", "{}"),
                () -> Api.post("/v4/api-key/" + id + "/rotate", "{}"));
        for (var operation : operations) {
            assertForbidden(operation.get().bearer(memberPat).send());
            assertForbidden(operation.get().bearer(key).actingAs(member).send());
        }
        // nothing happened: no key added, none revoked, rotated or (de)activated; the target still works
        assertEquals(before, keys.get());
        assertTrue(before.contains(deactivated + " DEACTIVATED null"), before::toString);
        assertStatus(Api.get("/v4/user/me").bearer(target).send(), 200);
    }
}
