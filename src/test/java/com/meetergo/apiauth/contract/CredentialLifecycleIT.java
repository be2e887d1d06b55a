package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertBadRequest;
import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertForbidden;
import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static com.meetergo.apiauth.support.ApiAssertions.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Deactivate (reversible), revoke (final), rotate (with a grace period), and the audit trail of each. */
class CredentialLifecycleIT extends ApiTest {

    private static JsonObject listed(Tenant tenant, String keyId) {
        return Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> o.getString("id").equals(keyId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void deactivatedKeyIsRefusedUntilActivatedAgain() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var id = key.split(":")[1];
        assertStatus(
                Api.post("/v4/api-key/" + id + "/deactivate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        assertUnauthorized(Api.get("/v4/user/me").bearer(key).send(), "API key has been deactivated");
        assertEquals("DEACTIVATED", listed(tenant, id).getString("status"));
        assertError(
                Api.post("/v4/api-key/" + id + "/deactivate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                409,
                "Conflict",
                "Only an active credential can be deactivated");

        assertStatus(
                Api.post("/v4/api-key/" + id + "/activate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);
        assertEquals("ACTIVE", listed(tenant, id).getString("status"));
    }

    @Test
    void expiringWithinDaysListsWhatIsDue() {
        var tenant = Tenant.create();
        var soon = Api.post("/v4/api-key", "{\"name\": \"soon\", \"expiresInDays\": 3}")
                .bearer(tenant.ownerToken())
                .send()
                .string("id");
        Api.post("/v4/api-key", "{\"name\": \"later\", \"expiresInDays\": 30}")
                .bearer(tenant.ownerToken())
                .send();
        var due = Api.get("/v4/api-key?expiringWithinDays=7")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(due, 200);
        assertEquals(
                List.of(soon),
                due.array().stream().map(v -> v.asJsonObject().getString("id")).toList());
        assertEquals(
                2,
                Api.get("/v4/api-key")
                        .bearer(tenant.ownerToken())
                        .send()
                        .array()
                        .size());
        assertBadRequest(
                Api.get("/v4/api-key?expiringWithinDays=-1")
                        .bearer(tenant.ownerToken())
                        .send(),
                "expiringWithinDays must be between 0 and 3650");

        var pat = Api.post(
                        "/v4/personal-access-token",
                        "{\"name\": \"short\", \"expiresAt\": \""
                                + Instant.now().plus(Duration.ofDays(2)) + "\"}")
                .bearer(tenant.ownerToken())
                .send()
                .string("id");
        var duePats = Api.get("/v4/personal-access-token?expiringWithinDays=7")
                .bearer(tenant.ownerToken())
                .send();
        assertEquals(
                List.of(pat),
                duePats.array().stream()
                        .map(v -> v.asJsonObject().getString("id"))
                        .toList());
    }

    @Test
    void revokedKeyCannotBeActivatedNorRotated() {
        var tenant = Tenant.create();
        var id = tenant.apiKey().split(":")[1];
        assertStatus(Api.delete("/v4/api-key/" + id).bearer(tenant.ownerToken()).send(), 204);
        assertError(
                Api.post("/v4/api-key/" + id + "/activate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                409,
                "Conflict",
                "Only a deactivated credential can be activated");
        assertError(
                Api.post("/v4/api-key/" + id + "/rotate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                409,
                "Conflict",
                "Only an active credential that has not been rotated can be rotated");
    }

    @Test
    void deactivatedPatIsRefusedAndMembersCannotTouchOthersTokens() {
        var tenant = Tenant.create();
        var member = tenant.tokenOf(tenant.user("MEMBER"));
        var created = Api.post("/v4/personal-access-token", "{\"name\": \"ci\"}")
                .bearer(tenant.ownerToken())
                .send();
        var id = created.string("id");
        assertError(
                Api.post("/v4/personal-access-token/" + id + "/deactivate", "{}")
                        .bearer(member)
                        .send(),
                404,
                "Not Found",
                "Personal access token not found");
        assertStatus(
                Api.post("/v4/personal-access-token/" + id + "/deactivate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        assertUnauthorized(
                Api.get("/v4/user/me").bearer(created.string("token")).send(), "API key has been deactivated");
    }

    @Test
    void rotatedKeyHasANewSecretTheOldNameAndALinkWhileTheOldOneStillWorks() {
        var tenant = Tenant.create();
        var old = Api.post("/v4/api-key", "{\"name\": \"billing sync\", \"expiresInDays\": 30}")
                .bearer(tenant.ownerToken())
                .send();
        var oldId = old.string("id");
        var rotated = Api.post("/v4/api-key/" + oldId + "/rotate", "{\"gracePeriodSeconds\": 600}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(rotated, 201);
        assertEquals("billing sync", rotated.string("name"));
        assertEquals(oldId, rotated.string("rotatedFrom"));
        assertStatus(Api.get("/v4/user/me").bearer(rotated.string("key")).send(), 200);
        assertStatus(Api.get("/v4/user/me").bearer(old.string("key")).send(), 200);

        var oldListed = listed(tenant, oldId);
        assertEquals(rotated.string("id"), oldListed.getString("replacedBy"));
        assertEquals("ACTIVE", oldListed.getString("status"));
        assertError(
                Api.post("/v4/api-key/" + oldId + "/rotate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                409,
                "Conflict",
                "Only an active credential that has not been rotated can be rotated");
    }

    @Test
    void rotationWithoutGraceStopsTheOldKeyAtOnce() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var rotated = Api.post("/v4/api-key/" + key.split(":")[1] + "/rotate", "{\"gracePeriodSeconds\": 0}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(rotated, 201);
        assertInvalidCredential(Api.get("/v4/user/me").bearer(key).send());
        assertStatus(Api.get("/v4/user/me").bearer(rotated.string("key")).send(), 200);
    }

    @Test
    void rotationBoundsAreChecked() {
        var tenant = Tenant.create();
        var id = tenant.apiKey().split(":")[1];
        assertBadRequest(
                Api.post("/v4/api-key/" + id + "/rotate", "{\"gracePeriodSeconds\": 86401}")
                        .bearer(tenant.ownerToken())
                        .send(),
                "gracePeriodSeconds must be between 0 and 86400");
        assertBadRequest(
                Api.post("/v4/api-key/" + id + "/rotate", "{\"expiresInDays\": 91}")
                        .bearer(tenant.ownerToken())
                        .send(),
                "expiresInDays must be between 1 and 90");
    }

    @Test
    void concurrentRotationsOfOneKeyHaveExactlyOneWinner() throws Exception {
        var tenant = Tenant.create();
        var id = tenant.apiKey().split(":")[1];
        int threads = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<Answer>>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return Api.post("/v4/api-key/" + id + "/rotate", "{}")
                            .bearer(tenant.ownerToken())
                            .send();
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var f : futures) {
                var answer = f.get();
                statuses.add(answer.status());
                assertTrue(answer.status() == 201 || answer.status() == 409, answer::toString);
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        } finally {
            pool.shutdownNow();
        }
        var successors = Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> id.equals(o.getString("rotatedFrom", null)))
                .count();
        assertEquals(1, successors);
    }

    @Test
    void patRotatesItselfAndTheNewTokenReplacesIt() {
        var tenant = Tenant.create();
        var created = Api.post("/v4/personal-access-token", "{\"name\": \"deploy bot\"}")
                .bearer(tenant.ownerToken())
                .send();
        var token = created.string("token");
        var rotated = Api.post("/v4/personal-access-token/self/rotate", "{\"gracePeriodSeconds\": 0}")
                .bearer(token)
                .send();
        assertStatus(rotated, 201);
        assertEquals("deploy bot", rotated.string("name"));
        assertEquals(created.string("id"), rotated.string("rotatedFrom"));
        assertInvalidCredential(Api.get("/v4/user/me").bearer(token).send());
        assertStatus(Api.get("/v4/user/me").bearer(rotated.string("token")).send(), 200);
        assertBadRequest(
                Api.post("/v4/personal-access-token/self/rotate", "{}")
                        .bearer(tenant.apiKey())
                        .actingAs(tenant.ownerId())
                        .send(),
                "'self' is the personal access token of the request; this request used an API key");
    }

    @Test
    void everyTransitionIsInTheAuditTrailOfItsCompanyOnly() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var id = key.split(":")[1];
        var owner = tenant.ownerToken();
        Api.post("/v4/api-key/" + id + "/deactivate", "{}").bearer(owner).send();
        Api.post("/v4/api-key/" + id + "/activate", "{}").bearer(owner).send();
        var successor = Api.post("/v4/api-key/" + id + "/rotate", "{}")
                .bearer(owner)
                .send()
                .string("id");
        Api.delete("/v4/api-key/" + successor).bearer(owner).send();

        var trail = Api.get("/v4/audit-event?credentialId=" + id).bearer(owner).send();
        assertStatus(trail, 200);
        var types = trail.array().stream()
                .map(v -> v.asJsonObject().getString("type"))
                .toList();
        assertEquals(List.of("rotated", "activated", "deactivated", "created"), types, trail::toString);
        var event = trail.array().getJsonObject(0);
        assertEquals("API_KEY", event.getString("credentialType"));
        assertEquals(tenant.ownerId(), event.getString("actorUserId"));
        assertTrue(event.getString("sourceIp").length() > 0, trail::toString);
        assertTrue(!trail.body().contains(key.substring(key.lastIndexOf(':') + 1)), trail::toString);

        var revoked = Api.get("/v4/audit-event?type=revoked").bearer(owner).send();
        assertEquals(1, revoked.array().size(), revoked::toString);
        assertEquals(successor, revoked.array().getJsonObject(0).getString("credentialId"));

        var stranger = Tenant.create();
        assertEquals(
                0,
                Api.get("/v4/audit-event?credentialId=" + id)
                        .bearer(stranger.ownerToken())
                        .send()
                        .array()
                        .size());
        assertForbidden(Api.get("/v4/audit-event")
                .bearer(tenant.tokenOf(tenant.user("MEMBER")))
                .send());
        assertBadRequest(
                Api.get("/v4/audit-event?type=nope").bearer(owner).send(),
                "type must be one of created,"
                        + " rotated, deactivated, activated, revoked, revoked_leaked, expired, expiring_soon, impersonation,"
                        + " revoked_with_creator, user_created, user_updated, user_role_changed, user_deleted, plan_changed,"
                        + " allowed_ips_changed, credential.new_source, webhook_endpoint_created, webhook_endpoint_deleted,"
                        + " webhook_endpoint_secret_rotated, webhook_endpoint_disabled, webhook_endpoint_enabled,"
                        + " owner_action_refused, token_policy_changed");
        // page * pageSize once overflowed an int: a 500 and a SEVERE stack trace per request
        assertBadRequest(
                Api.get("/v4/audit-event?page=10737419&pageSize=200")
                        .bearer(owner)
                        .send(),
                "page must be between 0 and 1000000");
        assertEquals(
                0,
                Api.get("/v4/audit-event?page=1000000&pageSize=200")
                        .bearer(owner)
                        .send()
                        .array()
                        .size());
    }
}
