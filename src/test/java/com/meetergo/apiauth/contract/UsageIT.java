package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertBadRequest;
import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Usage per credential and UTC day: each outcome counted exactly once (success, refused after the secret was proven,
 * failed for a wrong secret of an existing key id), every day present, the same callers and scope as the lists. This
 * server flushes every half second.
 */
@ExtendWith(ArquillianExtension.class)
public class UsageIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war(ApiTest.NO_ADDRESS_THROTTLE, "apiauth.usage.flush-interval=PT0.5S");
    }

    public static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    /** Asks until the answer is {@code expected} (counts arrive with the flushes), at most 15 s. */
    public static void awaitJson(Supplier<Answer> request, String expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Answer answer;
        do {
            answer = request.get();
            if (answer.status() == 200 && answer.json().equals(json(expected))) {
                assertEquals("application/json", answer.contentType());
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        } while (System.nanoTime() < deadline);
        assertEquals(json(expected), answer.json(), answer::toString);
    }

    static String newKey(Tenant tenant, String extra) {
        var answer = Api.post("/v4/api-key", "{\"expiresInDays\": 30" + extra + "}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(answer, 201);
        return answer.string("key");
    }

    @Test
    void eachOutcomeIsCountedOnceForItsCredential() {
        var tenant = Tenant.create();
        var owner = tenant.ownerId();
        var member = tenant.user("MEMBER");
        var key = newKey(tenant, "");
        var keyId = key.split(":")[1];
        var narrow = newKey(tenant, ", \"scopes\": []");
        var narrowId = narrow.split(":")[1];

        // success: served, whatever the resource answered (a 404 too)
        for (int i = 0; i < 3; i++) {
            assertStatus(Api.get("/v4/user/me").bearer(key).actingAs(owner).send(), 200);
        }
        assertStatus(Api.get("/v4/meeting-type").bearer(key).actingAs(member).send(), 200);
        assertStatus(
                Api.delete("/v4/api-key/00000000-0000-4000-8000-000000000000")
                        .bearer(key)
                        .actingAs(owner)
                        .send(),
                404);
        // refused: the user header (missing, malformed), the role, the scope
        assertStatus(Api.get("/v4/meeting-type").bearer(key).send(), 400);
        assertStatus(Api.get("/v4/meeting-type").bearer(key).actingAs("nope").send(), 400);
        assertStatus(Api.get("/v4/user").bearer(key).actingAs(member).send(), 403);
        assertStatus(Api.get("/v4/meeting-type").bearer(narrow).actingAs(owner).send(), 403);
        // failed: a well-formed wrong secret for this key's id, twice
        for (int i = 0; i < 2; i++) {
            assertStatus(
                    Api.get("/v4/user/me")
                            .bearer(TokenFormat.newApiKey(RANDOM, keyId))
                            .send(),
                    401);
        }
        // not this key's: an unknown id counts nowhere
        assertStatus(
                Api.get("/v4/user/me")
                        .bearer(TokenFormat.newApiKey(RANDOM, UUID.randomUUID().toString()))
                        .send(),
                401);

        awaitJson(
                () -> Api.get("/v4/api-key/" + keyId + "/usage?days=1")
                        .bearer(tenant.ownerToken())
                        .send(),
                """
                {"credentialId": "%s", "days": [{"date": "%s", "success": 5, "refused": 3, "failed": 2}]}""".formatted(keyId, today()));
        awaitJson(
                () -> Api.get("/v4/api-key/" + narrowId + "/usage?days=1")
                        .bearer(tenant.ownerToken())
                        .send(),
                """
                {"credentialId": "%s", "days": [{"date": "%s", "success": 0, "refused": 1, "failed": 0}]}""".formatted(narrowId, today()));

        // refused by status: a deactivated key with its right secret
        assertStatus(
                Api.post("/v4/api-key/" + keyId + "/deactivate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        assertStatus(Api.get("/v4/user/me").bearer(key).actingAs(owner).send(), 401);
        assertStatus(
                Api.post("/v4/api-key/" + keyId + "/activate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        awaitJson(
                () -> Api.get("/v4/api-key/" + keyId + "/usage?days=1")
                        .bearer(tenant.ownerToken())
                        .send(),
                """
                {"credentialId": "%s", "days": [{"date": "%s", "success": 5, "refused": 4, "failed": 2}]}""".formatted(keyId, today()));
    }

    @Test
    void aTokensUsageCountsItsRequestsAndFailsNothing() {
        var tenant = Tenant.create();
        var created = Api.post("/v4/personal-access-token", "{\"name\": \"counted\", \"scopes\": [\"users:read\"]}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(created, 201);
        var token = created.string("token");
        var id = created.string("id");
        assertStatus(Api.get("/v4/user").bearer(token).send(), 200);
        assertStatus(Api.get("/v4/user/me").bearer(token).send(), 200);
        assertStatus(Api.get("/v4/meeting-type").bearer(token).send(), 403);
        assertStatus(
                Api.get("/v4/user/me")
                        .bearer(token)
                        .actingAs(tenant.user("MEMBER"))
                        .send(),
                403);
        awaitJson(
                () -> Api.get("/v4/personal-access-token/" + id + "/usage?days=1")
                        .bearer(tenant.ownerToken())
                        .send(),
                """
                {"credentialId": "%s", "days": [{"date": "%s", "success": 2, "refused": 2, "failed": 0}]}""".formatted(id, today()));
    }

    @Test
    void everyDayIsPresentOldestFirstAndOnlyTheListsCallersMayAsk() {
        var tenant = Tenant.create();
        var key = newKey(tenant, "");
        var keyId = key.split(":")[1];
        var answer = Api.get("/v4/api-key/" + keyId + "/usage?days=3")
                .bearer(tenant.ownerToken())
                .send();
        var today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(
                json("""
                {"credentialId": "%s", "days": [
                  {"date": "%s", "success": 0, "refused": 0, "failed": 0},
                  {"date": "%s", "success": 0, "refused": 0, "failed": 0},
                  {"date": "%s", "success": 0, "refused": 0, "failed": 0}]}""".formatted(keyId, today.minusDays(2), today.minusDays(1), today)),
                answer.json(),
                answer::toString);
        assertEquals(
                30,
                Api.get("/v4/api-key/" + keyId + "/usage")
                        .bearer(tenant.ownerToken())
                        .send()
                        .object()
                        .getJsonArray("days")
                        .size(),
                "30 days unless asked otherwise");
        assertEquals(
                90,
                Api.get("/v4/api-key/" + keyId + "/usage?days=90")
                        .bearer(tenant.ownerToken())
                        .send()
                        .object()
                        .getJsonArray("days")
                        .size());
        for (var days : new String[] {"0", "91", "-1"}) {
            assertBadRequest(
                    Api.get("/v4/api-key/" + keyId + "/usage?days=" + days)
                            .bearer(tenant.ownerToken())
                            .send(),
                    "days must be between 1 and 90");
        }
        // another company's key: 404, as everywhere
        var stranger = Tenant.create();
        assertError(
                Api.get("/v4/api-key/" + keyId + "/usage")
                        .bearer(stranger.ownerToken())
                        .send(),
                404,
                "Not Found",
                "API key not found");
        // a member: the role of the key list
        assertError(
                Api.get("/v4/api-key/" + keyId + "/usage")
                        .bearer(tenant.tokenOf(tenant.user("MEMBER")))
                        .send(),
                403,
                "Forbidden",
                "Forbidden resource");
        // a credential without credentials:read
        var blind = newKey(tenant, ", \"scopes\": [\"users:read\"]");
        assertError(
                Api.get("/v4/api-key/" + keyId + "/usage")
                        .bearer(blind)
                        .actingAs(tenant.ownerId())
                        .send(),
                403,
                "Forbidden",
                "Insufficient scope: this endpoint requires 'credentials:read'");
        // a PAT's usage: its owner only, as the PAT list
        var ownerTokenId = Api.get("/v4/personal-access-token")
                .bearer(tenant.ownerToken())
                .send()
                .array()
                .getJsonObject(0)
                .getString("id");
        assertError(
                Api.get("/v4/personal-access-token/" + ownerTokenId + "/usage")
                        .bearer(key)
                        .actingAs(tenant.user("ADMIN"))
                        .send(),
                404,
                "Not Found",
                "Personal access token not found");
    }
}
