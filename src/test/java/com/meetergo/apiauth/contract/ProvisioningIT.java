package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The platform's sign-up: a company, its owner and the owner's first PAT, behind the operator's secret. */
class ProvisioningIT extends ApiTest {

    private static String body() {
        return "{\"name\": \"Acme\", \"owner\": {\"email\": \"o-" + UUID.randomUUID()
                + "@example.com\", \"givenName\": \"O\", \"familyName\": \"W\"}}";
    }

    @Test
    void provisioningWithoutTheSecretIsRefused() {
        assertError(
                Api.post("/provisioning/companies", body()).send(), 401, "Unauthorized", "Invalid provisioning secret");
        assertError(
                Api.post("/provisioning/companies", body())
                        .header("x-provisioning-secret", "guess")
                        .send(),
                401,
                "Unauthorized",
                "Invalid provisioning secret");
    }

    @Test
    void provisionedOwnerTokenActsAsTheNewOwner() {
        var created = Api.post("/provisioning/companies", body())
                .header("x-provisioning-secret", Tenant.PROVISIONING_SECRET)
                .send();
        assertStatus(created, 201);
        assertTrue(created.string("ownerToken").startsWith("rgo-"));
        var me = Api.get("/v4/user/me").bearer(created.string("ownerToken")).send();
        assertEquals(created.string("ownerId"), me.string("id"));
        assertEquals(created.string("companyId"), me.string("companyId"));
        assertEquals("OWNER", me.string("role"));
    }

    @Test
    void provisioningTheSameOwnerEmailTwiceIsAConflict() {
        var body = body();
        assertStatus(
                Api.post("/provisioning/companies", body)
                        .header("x-provisioning-secret", Tenant.PROVISIONING_SECRET)
                        .send(),
                201);
        assertError(
                Api.post("/provisioning/companies", body)
                        .header("x-provisioning-secret", Tenant.PROVISIONING_SECRET)
                        .send(),
                409,
                "Conflict",
                "A user with this email already exists");
    }

    /**
     * The secret is checked before the body is read: an outsider with a wrong secret and a broken body learns nothing
     * of the body's rules (it used to get the validation's 400).
     */
    @Test
    void aWrongSecretIsRefusedBeforeTheBodyIsRead() {
        assertError(
                Api.post("/provisioning/companies", "{\"name\": \"\"}")
                        .header("x-provisioning-secret", "guess")
                        .send(),
                401,
                "Unauthorized",
                "Invalid provisioning secret");
        assertError(
                Api.post("/provisioning/companies", "not json").send(),
                401,
                "Unauthorized",
                "Invalid provisioning secret");
        assertError(
                Api.post("/provisioning/companies", "{\"name\": \"Acme\"}")
                        .header("x-provisioning-secret", Tenant.PROVISIONING_SECRET)
                        .send(),
                400,
                "Bad Request",
                "owner is required");
    }
}
