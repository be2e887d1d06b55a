package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static com.meetergo.apiauth.support.ApiAssertions.assertUnauthorized;

import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract: no credential → 401 "Missing authorization header"; a bad one → 401 "Invalid API key". */
class MissingCredentialIT extends ApiTest {

    @Test
    void requestWithoutAuthorizationHeaderIsMissing() {
        assertUnauthorized(Api.get("/v4/user/me").send(), "Missing authorization header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Bearer", "Bearer    ", "Basic b3duZXI6c2VjcmV0", "Token abc"})
    void headerWithoutBearerCredentialIsMissing(String value) {
        assertUnauthorized(
                Api.get("/v4/meeting-type").header("Authorization", value).send(), "Missing authorization header");
    }

    @Test
    void credentialInQueryStringIsNeverAccepted() {
        var token = Tenant.create().ownerToken();
        assertUnauthorized(Api.get("/v4/user/me?access_token=" + token).send(), "Missing authorization header");
        assertUnauthorized(Api.get("/v4/user/me?token=" + token).send(), "Missing authorization header");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "garbage",
                "rgo-",
                "rgo-tooShort",
                "rgo-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA000000",
                "ak_live:550e8400-e29b-41d4-a716-446655440000:secret",
                "ak_live:550e8400-e29b-41d4-a716-446655440000:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA000000",
                "'; drop table api_key; --",
                "{\"json\": true}"
            })
    void malformedCredentialIsInvalid(String credential) {
        assertInvalidCredential(Api.get("/v4/user/me").bearer(credential).send());
    }

    /** Well formed (the checksum passes, so the lookup answers) and unknown. */
    @Test
    void wellFormedUnknownCredentialIsInvalid() {
        var random = new SecureRandom();
        var pat = TokenFormat.newPat(random);
        var key = TokenFormat.newApiKey(random, UUID.randomUUID().toString());
        Assertions.assertTrue(TokenFormat.isWellFormedPat(pat));
        Assertions.assertTrue(TokenFormat.apiKeyId(key).isPresent());
        assertInvalidCredential(Api.get("/v4/user/me").bearer(pat).send());
        assertInvalidCredential(Api.get("/v4/user/me").bearer(key).send());
    }

    @Test
    void schemeNameIsCaseInsensitive() {
        var token = Tenant.create().ownerToken();
        var answer = Api.get("/v4/user/me")
                .header("Authorization", "bEaReR " + token)
                .send();
        Assertions.assertEquals(200, answer.status(), answer::toString);
    }

    @Test
    void tamperedTokenWithValidFormatIsInvalid() {
        var token = Tenant.create().ownerToken();
        // Change one character of the random part: the checksum no longer matches.
        var tampered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
        assertInvalidCredential(Api.get("/v4/user/me").bearer(tampered).send());
    }
}
