package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertBadRequest;
import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Anybody who finds a leaked credential can kill it; the answer never says whether it matched. */
class CredentialRevocationIT extends ApiTest {

    static String body(String... values) {
        var quoted = new ArrayList<String>();
        for (var v : values) {
            quoted.add("\"" + v + "\"");
        }
        return "{\"credentials\": [" + String.join(", ", quoted) + "]}";
    }

    @Test
    void leakedKeyAndTokenReportedWithoutCredentialAreRefusedOnNextUse() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var token = tenant.tokenOf(tenant.ownerId());
        var answer = Api.post("/v4/credential-revocation", body(key, token)).send();
        assertStatus(answer, 202);
        assertEquals("{\"accepted\":2}", answer.body());
        assertInvalidCredential(Api.get("/v4/user/me").bearer(key).send());
        assertInvalidCredential(Api.get("/v4/user/me").bearer(token).send());

        var trail = Api.get("/v4/audit-event?type=revoked_leaked")
                .bearer(tenant.ownerToken())
                .send();
        assertEquals(2, trail.array().size(), trail::toString);
        assertEquals("127.0.0.1", trail.array().getJsonObject(0).getString("sourceIp"));
    }

    @Test
    void answerIsTheSameWhetherAnythingMatchedOrNot() {
        var tenant = Tenant.create();
        var live = tenant.apiKey();
        var unknown =
                TokenFormat.newApiKey(new SecureRandom(), UUID.randomUUID().toString());
        var matched = Api.post("/v4/credential-revocation", body(live)).send();
        var unmatched = Api.post("/v4/credential-revocation", body(unknown)).send();
        assertEquals(matched.status(), unmatched.status());
        assertEquals(matched.body(), unmatched.body());
        assertEquals(matched.contentType(), unmatched.contentType());
        var malformed = Api.post("/v4/credential-revocation", body("ak_live:nope", "rgo-short", "hello"))
                .send();
        assertStatus(malformed, 202);
        assertEquals("{\"accepted\":0}", malformed.body());
    }

    @Test
    void moreThanAHundredValuesIsBadRequest() {
        var values = Collections.nCopies(101, "rgo-x").toArray(String[]::new);
        assertBadRequest(
                Api.post("/v4/credential-revocation", body(values)).send(), "credentials must hold 1 to 100 values");
    }
}
