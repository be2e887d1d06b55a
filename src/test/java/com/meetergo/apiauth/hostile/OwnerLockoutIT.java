package com.meetergo.apiauth.hostile;

import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.application.OwnerAuthority;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import org.junit.jupiter.api.Test;

/**
 * An admin — or an API key acting as one — tries to take the company from its owner: change the owner's email (then
 * reset it), rename the owner, kill the owner's tokens. Each is refused and changes nothing; only the owner changes the
 * owner's account and credentials.
 */
class OwnerLockoutIT extends ApiTest {

    private static final String OWNER_ONLY = OwnerAuthority.OWNER_ONLY;

    @Test
    void anAdminCannotChangeTheOwnersAccount() {
        var tenant = Tenant.create();
        var admin = tenant.user("ADMIN");
        var key = tenant.apiKey();
        var before = Api.get("/v4/user/me").bearer(tenant.ownerToken()).send();
        assertError(
                Api.patch("/v4/user/" + tenant.ownerId(), "{\"email\": \"attacker@example.com\"}")
                        .bearer(key)
                        .actingAs(admin)
                        .send(),
                403,
                "Forbidden",
                OWNER_ONLY);
        assertError(
                Api.patch("/v4/user/" + tenant.ownerId(), "{\"givenName\": \"Mallory\"}")
                        .bearer(key)
                        .actingAs(admin)
                        .send(),
                403,
                "Forbidden",
                OWNER_ONLY);
        assertEquals(
                before.body(),
                Api.get("/v4/user/me").bearer(tenant.ownerToken()).send().body());
        // the owner, through the same key, still can
        var renamed = Api.patch("/v4/user/" + tenant.ownerId(), "{\"givenName\": \"Olga\"}")
                .bearer(key)
                .actingAs(tenant.ownerId())
                .send();
        assertStatus(renamed, 200);
        assertEquals("Olga", renamed.string("givenName"));
    }

    @Test
    void anAdminCannotRevokeDeactivateOrActivateTheOwnersTokens() {
        var tenant = Tenant.create();
        var adminToken = tenant.tokenOf(tenant.user("ADMIN"));
        var ownerTokenId = Api.get("/v4/personal-access-token")
                .bearer(tenant.ownerToken())
                .send()
                .array()
                .getJsonObject(0)
                .getString("id");
        for (var attempt : new Api[] {
            Api.post("/v4/personal-access-token/" + ownerTokenId + "/deactivate", "{}")
                    .bearer(adminToken),
            Api.post("/v4/personal-access-token/" + ownerTokenId + "/activate", "{}")
                    .bearer(adminToken),
            Api.delete("/v4/personal-access-token/" + ownerTokenId).bearer(adminToken)
        }) {
            assertError(attempt.send(), 403, "Forbidden", OWNER_ONLY);
        }
        assertStatus(Api.get("/v4/user/me").bearer(tenant.ownerToken()).send(), 200);
        // an admin still manages a member's tokens
        var memberToken = tenant.tokenOf(tenant.user("MEMBER"));
        var memberTokenId = Api.get("/v4/personal-access-token")
                .bearer(memberToken)
                .send()
                .array()
                .getJsonObject(0)
                .getString("id");
        assertStatus(
                Api.delete("/v4/personal-access-token/" + memberTokenId)
                        .bearer(adminToken)
                        .send(),
                204);
    }
}
