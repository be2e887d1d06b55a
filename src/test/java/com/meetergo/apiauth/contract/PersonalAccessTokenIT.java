package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertForbidden;
import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Contract, "Personal Access Token": a PAT acts as its owner, with the owner's role, and nobody else. */
class PersonalAccessTokenIT extends ApiTest {

    static final String PAT_IMPERSONATION = "The 'x-meetergo-api-user-id' header requires a Platform API Key."
            + " Personal Access Tokens always act as the token owner and cannot act on behalf of other users.";

    @Test
    void ownerPatActsAsTheOwner() {
        var tenant = Tenant.create();
        var me = Api.get("/v4/user/me").bearer(tenant.ownerToken()).send();
        assertStatus(me, 200);
        var user = me.object();
        assertEquals(
                Set.of("id", "email", "givenName", "familyName", "role", "companyId", "createdAt"),
                user.keySet(),
                me::toString);
        assertEquals(tenant.ownerId(), user.getString("id"));
        assertEquals(tenant.companyId(), user.getString("companyId"));
        assertEquals("OWNER", user.getString("role"));
        assertEquals("Olivia", user.getString("givenName"));
        assertEquals("Owner", user.getString("familyName"));
        assertTrue(user.getString("email").startsWith("owner-"), me::toString);
    }

    @Test
    void memberPatActsAsTheMemberWithTheMemberRole() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var me = Api.get("/v4/user/me").bearer(tenant.tokenOf(member)).send();
        assertStatus(me, 200);
        assertEquals(member, me.string("id"));
        assertEquals("MEMBER", me.string("role"));
    }

    @Test
    void patNamingAnotherUserIsForbidden() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        assertError(
                Api.get("/v4/meeting-type")
                        .bearer(tenant.ownerToken())
                        .actingAs(member)
                        .send(),
                403,
                "Forbidden",
                PAT_IMPERSONATION);
        assertError(
                Api.get("/v4/user/me")
                        .bearer(tenant.tokenOf(member))
                        .actingAs(tenant.ownerId())
                        .send(),
                403,
                "Forbidden",
                PAT_IMPERSONATION);
        assertError(
                Api.get("/v4/user/me")
                        .bearer(tenant.ownerToken())
                        .actingAs("not-a-uuid")
                        .send(),
                403,
                "Forbidden",
                PAT_IMPERSONATION);
    }

    @Test
    void patNamingItsOwnOwnerIsHarmless() {
        var tenant = Tenant.create();
        var me = Api.get("/v4/user/me")
                .bearer(tenant.ownerToken())
                .actingAs(tenant.ownerId().toUpperCase())
                .send();
        assertStatus(me, 200);
        assertEquals(tenant.ownerId(), me.string("id"));
    }

    @Test
    void noPatManagesUsersNotEvenTheOwners() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var admin = tenant.user("ADMIN");
        for (var token : new String[] {tenant.ownerToken(), tenant.tokenOf(admin)}) {
            assertForbidden(Api.post(
                            "/v4/user",
                            "{\"email\": \"x@example.com\", \"givenName\": \"X\"," + " \"familyName\": \"Y\"}")
                    .bearer(token)
                    .send());
            assertForbidden(Api.patch("/v4/user/" + member, "{\"givenName\": \"Z\"}")
                    .bearer(token)
                    .send());
            assertForbidden(Api.delete("/v4/user/" + member).bearer(token).send());
        }
    }

    @Test
    void adminPatListsUsersAndMemberPatCannot() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var admin = tenant.user("ADMIN");
        var list = Api.get("/v4/user").bearer(tenant.tokenOf(admin)).send();
        assertStatus(list, 200);
        assertEquals(3, list.array().size(), list::toString);
        assertForbidden(Api.get("/v4/user").bearer(tenant.tokenOf(member)).send());
    }

    @Test
    void createdTokenIsShownOnceAndListedWithoutSecret() {
        var tenant = Tenant.create();
        var created = Api.post("/v4/personal-access-token", "{\"name\": \"CI\"}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(created, 201);
        assertEquals(
                Set.of("id", "name", "token", "scopes", "allowedIps", "createdAt", "expiresAt", "rotatedFrom"),
                created.object().keySet(),
                created::toString);
        var token = created.string("token");
        assertTrue(token.matches("rgo-[0-9A-Za-z]{36}"), created::toString);
        assertStatus(Api.get("/v4/user/me").bearer(token).send(), 200);

        var list = Api.get("/v4/personal-access-token").bearer(token).send();
        assertStatus(list, 200);
        assertFalse(list.body().contains(token.substring(4)), list::toString);
        var listed = list.array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> o.getString("id").equals(created.string("id")))
                .findFirst()
                .orElseThrow();
        assertEquals(
                Set.of(
                        "id",
                        "name",
                        "hint",
                        "scopes",
                        "allowedIps",
                        "createdAt",
                        "expiresAt",
                        "status",
                        "lastUsedAt",
                        "lastUsedIp",
                        "rotatedFrom",
                        "replacedBy",
                        "graceUntil"),
                listed.keySet());
        assertEquals("ACTIVE", listed.getString("status"));
        assertEquals(token.substring(0, 8) + "…", listed.getString("hint"));
    }

    @Test
    void revokedTokenIsRefusedOnTheVeryNextRequest() {
        var tenant = Tenant.create();
        var created = Api.post("/v4/personal-access-token", "{\"name\": \"short\"}")
                .bearer(tenant.ownerToken())
                .send();
        var token = created.string("token");
        assertStatus(
                Api.delete("/v4/personal-access-token/" + created.string("id"))
                        .bearer(token)
                        .send(),
                204);
        assertInvalidCredential(Api.get("/v4/user/me").bearer(token).send());
        assertStatus(Api.get("/v4/user/me").bearer(tenant.ownerToken()).send(), 200);
    }

    @Test
    void tokenWithExpiryInThePastIsRefusedAtCreation() {
        var tenant = Tenant.create();
        assertError(
                Api.post("/v4/personal-access-token", "{\"name\": \"old\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}")
                        .bearer(tenant.ownerToken())
                        .send(),
                400,
                "Bad Request",
                "expiresAt must be in the future");
        assertError(
                Api.post("/v4/personal-access-token", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                400,
                "Bad Request",
                "name is required");
    }

    @Test
    void memberCannotRevokeAnotherUsersTokenButAnAdminCan() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var other = tenant.user("MEMBER");
        var otherToken = Api.post("/v4/personal-access-token", "{\"name\": \"o\"}")
                .bearer(tenant.tokenOf(other))
                .send();
        var id = otherToken.string("id");
        assertError(
                Api.delete("/v4/personal-access-token/" + id)
                        .bearer(tenant.tokenOf(member))
                        .send(),
                404,
                "Not Found",
                "Personal access token not found");
        assertStatus(Api.get("/v4/user/me").bearer(otherToken.string("token")).send(), 200);
        var admin = tenant.user("ADMIN");
        assertStatus(
                Api.delete("/v4/personal-access-token/" + id)
                        .bearer(tenant.tokenOf(admin))
                        .send(),
                204);
        assertInvalidCredential(
                Api.get("/v4/user/me").bearer(otherToken.string("token")).send());
        var audit = Api.get("/v4/audit-event?credentialId=" + id + "&type=revoked")
                .bearer(tenant.ownerToken())
                .send();
        assertEquals(admin, audit.array().getJsonObject(0).getString("actorUserId"), audit::toString);
    }

    @Test
    void aTokenIsRotatedByIdByItsUserOnly() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var memberPat = tenant.tokenOf(member);
        var created = Api.post("/v4/personal-access-token", "{\"name\": \"nightly export\"}")
                .bearer(memberPat)
                .send();
        var id = created.string("id");
        var other = tenant.tokenOf(tenant.user("MEMBER"));
        assertError(
                Api.post("/v4/personal-access-token/" + id + "/rotate", "{}")
                        .bearer(other)
                        .send(),
                404,
                "Not Found",
                "Personal access token not found");

        var rotated = Api.post("/v4/personal-access-token/" + id + "/rotate", "{\"gracePeriodSeconds\": 3600}")
                .bearer(memberPat)
                .send();
        assertStatus(rotated, 201);
        assertEquals("nightly export", rotated.string("name"));
        assertEquals(id, rotated.string("rotatedFrom"));
        assertEquals(
                member,
                Api.get("/v4/user/me").bearer(rotated.string("token")).send().string("id"));
        assertStatus(Api.get("/v4/user/me").bearer(created.string("token")).send(), 200);
        assertError(
                Api.post("/v4/personal-access-token/" + id + "/rotate", "{}")
                        .bearer(memberPat)
                        .send(),
                409,
                "Conflict",
                "Only an active credential that has not been rotated can be rotated");
    }
}
