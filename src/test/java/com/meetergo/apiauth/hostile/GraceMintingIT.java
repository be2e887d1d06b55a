package com.meetergo.apiauth.hostile;

import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;

import com.meetergo.apiauth.application.CredentialActions;
import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import org.junit.jupiter.api.Test;

/**
 * A credential rotated with a grace period (a suspected leak) keeps serving requests during the grace, but whoever
 * holds its secret cannot mint with it: no PAT, no key, no rotation of another credential. Its successor mints as
 * before.
 */
class GraceMintingIT extends ApiTest {

    @Test
    void aKeyInItsGraceMintsNothing() {
        var tenant = Tenant.create();
        var old = tenant.apiKey();
        var successor = Api.post("/v4/api-key/" + old.split(":")[1] + "/rotate", "{\"gracePeriodSeconds\": 120}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(successor, 201);
        var other = tenant.apiKey();

        assertStatus(Api.get("/v4/user/me").bearer(old).send(), 200);
        assertRefused(Api.post("/v4/personal-access-token", "{\"name\": \"outlives the grace\"}")
                .bearer(old)
                .actingAs(tenant.ownerId())
                .send());
        assertRefused(Api.post("/v4/api-key", "{\"name\": \"outlives the grace\", \"expiresInDays\": 90}")
                .bearer(old)
                .actingAs(tenant.ownerId())
                .send());
        assertRefused(Api.post("/v4/api-key/" + other.split(":")[1] + "/rotate", "{\"gracePeriodSeconds\": 0}")
                .bearer(old)
                .actingAs(tenant.ownerId())
                .send());
        assertStatus(
                Api.post("/v4/personal-access-token", "{\"name\": \"from the successor\"}")
                        .bearer(successor.string("key"))
                        .actingAs(tenant.ownerId())
                        .send(),
                201);
    }

    @Test
    void aTokenInItsGraceMintsNothing() {
        var tenant = Tenant.create();
        var script = Api.post("/v4/personal-access-token", "{\"name\": \"script\"}")
                .bearer(tenant.ownerToken())
                .send()
                .string("token");
        var renewed = Api.post("/v4/personal-access-token/self/rotate", "{\"gracePeriodSeconds\": 120}")
                .bearer(script)
                .send();
        assertStatus(renewed, 201);
        assertStatus(Api.get("/v4/user/me").bearer(script).send(), 200);
        assertRefused(Api.post("/v4/personal-access-token", "{\"name\": \"outlives the grace\"}")
                .bearer(script)
                .send());
        assertRefused(Api.post("/v4/api-key", "{\"name\": \"outlives the grace\", \"expiresInDays\": 90}")
                .bearer(script)
                .send());
        assertStatus(
                Api.post("/v4/personal-access-token", "{\"name\": \"from the successor\"}")
                        .bearer(renewed.string("token"))
                        .send(),
                201);
    }

    private static void assertRefused(Answer answer) {
        assertError(answer, 403, "Forbidden", CredentialActions.REPLACED_MINTS);
    }
}
