package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static com.meetergo.apiauth.support.ApiAssertions.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The decision "Order of checks" (docs/decisions.md): the credential is checked before the user header, and a
 * credential's state (deactivated, revoked, expired) is told only to whoever holds its right secret. Every invalid
 * credential here is also well formed where it can be (its checksum passes), so that the answer comes from the lookup,
 * not from the format check.
 */
class OrderOfChecksIT extends ApiTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key of this id with a fresh secret and a correct checksum: reaches the lookup, fails the digest. */
    private static String wrongSecretFor(String key) {
        var forged = TokenFormat.newApiKey(RANDOM, key.split(":")[1]);
        assertEquals(TokenFormat.apiKeyId(key), TokenFormat.apiKeyId(forged), "the forgery is well formed");
        return forged;
    }

    @Test
    void aWrongSecretForADeactivatedOrRevokedKeyIsInvalidNeverItsState() {
        var tenant = Tenant.create();
        var deactivated = tenant.apiKey();
        var revoked = tenant.apiKey();
        assertStatus(
                Api.post("/v4/api-key/" + deactivated.split(":")[1] + "/deactivate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        assertStatus(
                Api.delete("/v4/api-key/" + revoked.split(":")[1])
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        // the right secrets learn the state (deactivated) or nothing (revoked) ...
        assertUnauthorized(Api.get("/v4/user/me").bearer(deactivated).send(), "API key has been deactivated");
        assertInvalidCredential(Api.get("/v4/user/me").bearer(revoked).send());
        // ... a wrong secret for the same ids learns nothing
        assertInvalidCredential(
                Api.get("/v4/user/me").bearer(wrongSecretFor(deactivated)).send());
        assertInvalidCredential(
                Api.get("/v4/user/me").bearer(wrongSecretFor(revoked)).send());
    }

    @Test
    void aWrongSecretForAKeyWhoseGraceEndedIsInvalid() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        assertStatus(
                Api.post("/v4/api-key/" + key.split(":")[1] + "/rotate", "{\"gracePeriodSeconds\": 0}")
                        .bearer(tenant.ownerToken())
                        .send(),
                201);
        assertInvalidCredential(Api.get("/v4/user/me").bearer(key).send());
        assertInvalidCredential(
                Api.get("/v4/user/me").bearer(wrongSecretFor(key)).send());
    }

    /**
     * Every kind of invalid credential, with every kind of user header (foreign user, malformed, missing where the
     * operation needs one): always the credential's 401, never the header's 400, 403 or 500.
     */
    @Test
    void anInvalidCredentialIsRefusedBeforeTheUserHeaderIsRead() {
        var tenant = Tenant.create();
        var stranger = Tenant.create();
        var realKey = tenant.apiKey();
        var revokedKey = tenant.apiKey();
        assertStatus(
                Api.delete("/v4/api-key/" + revokedKey.split(":")[1])
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        var revokedPat = Api.post("/v4/personal-access-token", "{\"name\": \"gone\"}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(
                Api.delete("/v4/personal-access-token/" + revokedPat.string("id"))
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        var unknownPat = TokenFormat.newPat(RANDOM);
        assertTrue(TokenFormat.isWellFormedPat(unknownPat));
        var unknownKey = TokenFormat.newApiKey(RANDOM, UUID.randomUUID().toString());
        assertTrue(TokenFormat.apiKeyId(unknownKey).isPresent());

        var invalid = new LinkedHashMap<String, String>();
        invalid.put("wrong secret of a real key", wrongSecretFor(realKey));
        invalid.put("revoked key", revokedKey);
        invalid.put("unknown key id", unknownKey);
        invalid.put("revoked PAT", revokedPat.string("token"));
        invalid.put("unknown PAT", unknownPat);
        invalid.put("malformed key", "ak_live:" + UUID.randomUUID() + ":short");
        invalid.put("malformed PAT", "rgo-short");

        Map<String, UnaryOperator<Api>> headers = new LinkedHashMap<>();
        headers.put("a user of another company", a -> a.actingAs(stranger.ownerId()));
        headers.put("a user of the key's company", a -> a.actingAs(tenant.ownerId()));
        headers.put("a malformed user id", a -> a.actingAs("not-a-uuid"));
        headers.put("no user header", a -> a);

        var wrong = new ArrayList<String>();
        for (var credential : invalid.entrySet()) {
            for (var header : headers.entrySet()) {
                for (var request : List.of(Api.get("/v4/meeting-type"), Api.get("/v4/user/me"))) {
                    var answer = header.getValue()
                            .apply(request.bearer(credential.getValue()))
                            .send();
                    if (answer.status() != 401 || !answer.body().contains("\"Invalid API key\"")) {
                        wrong.add(credential.getKey() + " with " + header.getKey() + ": " + answer);
                    } else {
                        assertInvalidCredential(answer);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** A deactivated credential with the right secret learns its state, still before any header answer. */
    @Test
    void aDeactivatedCredentialsStateComesBeforeTheHeadersAnswer() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var pat = Api.post("/v4/personal-access-token", "{\"name\": \"paused\"}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(
                Api.post("/v4/api-key/" + key.split(":")[1] + "/deactivate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        assertStatus(
                Api.post("/v4/personal-access-token/" + pat.string("id") + "/deactivate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        var stranger = Tenant.create();
        for (var credential : List.of(key, pat.string("token"))) {
            assertUnauthorized(
                    Api.get("/v4/meeting-type")
                            .bearer(credential)
                            .actingAs(stranger.ownerId())
                            .send(),
                    "API key has been deactivated");
            assertUnauthorized(
                    Api.get("/v4/meeting-type")
                            .bearer(credential)
                            .actingAs("not-a-uuid")
                            .send(),
                    "API key has been deactivated");
            assertUnauthorized(Api.get("/v4/meeting-type").bearer(credential).send(), "API key has been deactivated");
        }
    }
}
