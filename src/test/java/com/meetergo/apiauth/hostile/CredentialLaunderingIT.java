package com.meetergo.apiauth.hostile;

import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whoever holds a short-lived API key tries to turn it into credentials that outlive it or survive its leak report: a
 * PAT without expiry, a far-future PAT, a new key, a PAT minted by that PAT, a rotation of the owner's token. None
 * outlives the key, and reporting the key leaked kills them all.
 */
class CredentialLaunderingIT extends ApiTest {

    private static Answer shortKey(Tenant tenant) {
        var key = Api.post("/v4/api-key", "{\"name\": \"one day\", \"expiresInDays\": 1}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(key, 201);
        return key;
    }

    private static Answer pat(String credential, String actingAs, String body) {
        var request = Api.post("/v4/personal-access-token", body).bearer(credential);
        var answer = (actingAs == null ? request : request.actingAs(actingAs)).send();
        assertStatus(answer, 201);
        return answer;
    }

    @Test
    void aKeyActingAsTheOwnerCannotMintATokenThatOutlivesIt() {
        var tenant = Tenant.create();
        var key = shortKey(tenant);
        var expiry = key.string("expiresAt");
        // it used to get "expiresAt": null — a permanent owner credential from a one-day key
        assertEquals(
                expiry,
                pat(key.string("key"), tenant.ownerId(), "{\"name\": \"forever\"}")
                        .string("expiresAt"));
        assertEquals(
                expiry,
                pat(key.string("key"), tenant.ownerId(), "{\"name\": \"far\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}")
                        .string("expiresAt"));
        var minted = Api.post("/v4/api-key", "{\"name\": \"ninety\", \"expiresInDays\": 90}")
                .bearer(key.string("key"))
                .actingAs(tenant.ownerId())
                .send();
        assertStatus(minted, 201);
        assertEquals(expiry, minted.string("expiresAt"));
        // the owner's own first token is bound by nothing: no credential minted it
        var first = Api.get("/v4/personal-access-token").bearer(tenant.ownerToken()).send().array().stream()
                .map(JsonValue::asJsonObject)
                .filter(t -> t.getString("name").equals("Initial owner token"))
                .findFirst()
                .orElseThrow();
        assertEquals(JsonValue.NULL, first.get("expiresAt"));
    }

    @Test
    void aKeyReportedLeakedTakesEverythingItMintedWithIt() {
        var tenant = Tenant.create();
        var spare = pat(tenant.ownerToken(), null, "{\"name\": \"spare\"}").string("token");
        var key = shortKey(tenant);
        var secret = key.string("key");
        var pat = pat(secret, tenant.ownerId(), "{\"name\": \"child\"}");
        var grandchild = pat(pat.string("token"), null, "{\"name\": \"grandchild\"}");
        var mintedKey = Api.post("/v4/api-key", "{\"name\": \"child key\", \"expiresInDays\": 30}")
                .bearer(secret)
                .actingAs(tenant.ownerId())
                .send();
        assertStatus(mintedKey, 201);
        // a rotation by the key of the owner's own first token: the key receives the new secret
        var ownerTokenId = Api.get("/v4/personal-access-token").bearer(tenant.ownerToken()).send().array().stream()
                .map(JsonValue::asJsonObject)
                .filter(t -> t.getString("name").equals("Initial owner token"))
                .findFirst()
                .orElseThrow()
                .getString("id");
        var rotated = Api.post("/v4/personal-access-token/" + ownerTokenId + "/rotate", "{\"gracePeriodSeconds\": 0}")
                .bearer(secret)
                .actingAs(tenant.ownerId())
                .send();
        assertStatus(rotated, 201);
        // a minted token renewing itself keeps its lineage
        var renewed = Api.post("/v4/personal-access-token/self/rotate", "{\"gracePeriodSeconds\": 0}")
                .bearer(pat.string("token"))
                .send();
        assertStatus(renewed, 201);
        assertEquals(key.string("expiresAt"), renewed.string("expiresAt"));

        assertStatus(
                Api.post("/v4/credential-revocation", "{\"credentials\": [\"" + secret + "\"]}")
                        .send(),
                202);

        for (var credential : new String[] {
            secret,
            renewed.string("token"),
            grandchild.string("token"),
            mintedKey.string("key"),
            rotated.string("token")
        }) {
            assertInvalidCredential(Api.get("/v4/user/me").bearer(credential).send());
        }
        // what the key did not mint lives on
        assertStatus(Api.get("/v4/user/me").bearer(spare).send(), 200);
        var cascade = Api.get("/v4/audit-event?type=revoked_with_creator")
                .bearer(spare)
                .send();
        assertStatus(cascade, 200);
        Set<String> revoked = new HashSet<>();
        for (var event : cascade.array()) {
            assertEquals(key.string("id"), event.asJsonObject().getString("actorCredentialId"), event::toString);
            revoked.add(event.asJsonObject().getString("credentialId"));
        }
        assertEquals(
                Set.of(renewed.string("id"), grandchild.string("id"), mintedKey.string("id"), rotated.string("id")),
                revoked);
    }
}
