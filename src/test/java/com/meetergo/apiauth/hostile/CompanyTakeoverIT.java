package com.meetergo.apiauth.hostile;

import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.application.OwnerAuthority;
import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An admin holding nothing but its own PAT mints a company key and sends it naming the owner: it then reads as the
 * owner (the contract's owner-by-default endpoints work with any key), but everything only the owner does is refused
 * and audited, through that key, through what that key mints, and through a successor an admin rotated out of the
 * owner's own key. The owner is never locked out.
 */
class CompanyTakeoverIT extends ApiTest {

    @Test
    void anAdminCannotTakeTheCompanyThroughAKeyItMinted() {
        var tenant = Tenant.create();
        var adminToken = tenant.tokenOf(tenant.user("ADMIN"));
        var ownerBefore =
                Api.get("/v4/user/me").bearer(tenant.ownerToken()).send().body();
        var key = Api.post("/v4/api-key", "{\"name\": \"takeover\", \"expiresInDays\": 90}")
                .bearer(adminToken)
                .send();
        assertStatus(key, 201);
        var adminKey = key.string("key");

        // reading as the owner is what any key may do
        assertEquals(ownerBefore, Api.get("/v4/user/me").bearer(adminKey).send().body());
        var ownerTokens = Api.get("/v4/personal-access-token")
                .bearer(adminKey)
                .actingAs(tenant.ownerId())
                .send();
        assertStatus(ownerTokens, 200);
        var ownerTokenId = ownerTokens.array().getJsonObject(0).getString("id");

        assertTakeoverRefused(tenant, adminKey);
        // what the admin's key mints carries no more than the admin either, to any depth
        var minted = Api.post("/v4/api-key", "{\"name\": \"second\", \"expiresInDays\": 90}")
                .bearer(adminKey)
                .actingAs(tenant.ownerId())
                .send();
        assertStatus(minted, 201);
        assertTakeoverRefused(tenant, minted.string("key"));
        // and so does the key renewed by itself
        var renewed = Api.post("/v4/api-key/" + adminKey.split(":")[1] + "/rotate", "{\"gracePeriodSeconds\": 0}")
                .bearer(adminKey)
                .actingAs(tenant.ownerId())
                .send();
        assertStatus(renewed, 201);
        assertTakeoverRefused(tenant, renewed.string("key"));

        // nothing changed: the owner's account and first token are as they were
        assertEquals(
                ownerBefore,
                Api.get("/v4/user/me").bearer(tenant.ownerToken()).send().body());
        var events = refusals(tenant);
        assertEquals(12, events.size(), events::toString);
        for (var event : events) {
            assertEquals(tenant.ownerId(), event.getString("subjectUserId"), event::toString);
            assertEquals(tenant.ownerId(), event.getString("actorUserId"), event::toString);
            assertEquals("API_KEY", event.getString("credentialType"), event::toString);
        }
        assertEquals(
                List.of(
                        "change the allowlist of a personal access token of the owner",
                        "create a personal access token that acts as the owner",
                        "revoke a personal access token of the owner",
                        "update the owner's account"),
                events.stream()
                        .limit(4)
                        .map(e -> e.getString("detail"))
                        .sorted()
                        .toList());
        assertEquals(
                ownerTokenId,
                Api.get("/v4/personal-access-token")
                        .bearer(tenant.ownerToken())
                        .send()
                        .array()
                        .getJsonObject(0)
                        .getString("id"));
    }

    /** The three steps of the measured takeover, and an allowlist that would fence the owner out: each 403. */
    private static void assertTakeoverRefused(Tenant tenant, String key) {
        var ownerTokenId = Api.get("/v4/personal-access-token")
                .bearer(tenant.ownerToken())
                .send()
                .array()
                .getJsonObject(0)
                .getString("id");
        assertRefused(Api.patch("/v4/user/" + tenant.ownerId(), "{\"email\": \"attacker@example.com\"}")
                .bearer(key)
                .actingAs(tenant.ownerId())
                .send());
        assertRefused(Api.delete("/v4/personal-access-token/" + ownerTokenId)
                .bearer(key)
                .actingAs(tenant.ownerId())
                .send());
        assertRefused(Api.put(
                        "/v4/personal-access-token/" + ownerTokenId + "/allowed-ips",
                        "{\"allowedIps\": [\"192.0.2.1\"]}")
                .bearer(key)
                .actingAs(tenant.ownerId())
                .send());
        assertRefused(Api.post("/v4/personal-access-token", "{\"name\": \"mine now\"}")
                .bearer(key)
                .actingAs(tenant.ownerId())
                .send());
    }

    @Test
    void theOwnersOwnKeyStillActsForTheOwnerButNotOnceAnAdminRotatedIt() {
        var tenant = Tenant.create();
        var ownerKey = tenant.apiKey();
        var renamed = Api.patch("/v4/user/" + tenant.ownerId(), "{\"givenName\": \"Olga\"}")
                .bearer(ownerKey)
                .actingAs(tenant.ownerId())
                .send();
        assertStatus(renamed, 200);
        var pat = Api.post("/v4/personal-access-token", "{\"name\": \"owner script\"}")
                .bearer(ownerKey)
                .actingAs(tenant.ownerId())
                .send();
        assertStatus(pat, 201);
        // the PAT the owner's key minted holds the owner's authority too: it mints a PAT of the owner
        assertStatus(
                Api.post("/v4/personal-access-token", "{\"name\": \"owner laptop\"}")
                        .bearer(pat.string("token"))
                        .send(),
                201);

        // the admin who rotates the owner's key receives the successor's secret: it holds the admin's authority
        var adminToken = tenant.tokenOf(tenant.user("ADMIN"));
        var successor = Api.post("/v4/api-key/" + ownerKey.split(":")[1] + "/rotate", "{\"gracePeriodSeconds\": 60}")
                .bearer(adminToken)
                .send();
        assertStatus(successor, 201);
        assertRefused(Api.patch("/v4/user/" + tenant.ownerId(), "{\"givenName\": \"Mallory\"}")
                .bearer(successor.string("key"))
                .actingAs(tenant.ownerId())
                .send());
        assertEquals(
                "Olga",
                Api.get("/v4/user/me").bearer(tenant.ownerToken()).send().string("givenName"));
    }

    private static void assertRefused(Answer answer) {
        assertError(answer, 403, "Forbidden", OwnerAuthority.OWNER_ONLY);
    }

    private static List<JsonObject> refusals(Tenant tenant) {
        var answer = Api.get("/v4/audit-event?type=owner_action_refused&pageSize=100")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(answer, 200);
        return answer.array().stream().map(v -> v.asJsonObject()).toList();
    }
}
