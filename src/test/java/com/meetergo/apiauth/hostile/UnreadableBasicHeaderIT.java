package com.meetergo.apiauth.hostile;

import static com.meetergo.apiauth.support.ApiAssertions.assertUnauthorized;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Basic header that is not Base64 of id:secret, sent to a path no credential is needed for: Liberty's own audit code
 * failed on it with an HTML 500 and an FFDC incident (the leak report, the sign-up, an open route of the gateway
 * check). Instead, what a protected path answers any Authorization that is not a Bearer credential: the contract's 401
 * "Missing authorization header", whole.
 */
class UnreadableBasicHeaderIT extends ApiTest {

    private static final String MISSING = "Missing authorization header";

    @Test
    void anUnreadableBasicHeaderIsTheContractsInvalidCredentialEverywhere() {
        for (var header : List.of("Basic !!!", "Basic YWJj", "Basic ====")) {
            assertUnauthorized(
                    Api.post("/v4/credential-revocation", "{}")
                            .header("Authorization", header)
                            .send(),
                    MISSING);
            assertUnauthorized(
                    Api.post("/provisioning/companies", "{}")
                            .header("Authorization", header)
                            .send(),
                    MISSING);
            assertUnauthorized(
                    Api.get("/gateway/check")
                            .header("X-Forwarded-Method", "POST")
                            .header("X-Forwarded-Uri", "/v4/credential-revocation")
                            .header("Authorization", header)
                            .send(),
                    MISSING);
            assertUnauthorized(
                    Api.get("/v4/user/me").header("Authorization", header).send(), MISSING);
        }
    }
}
