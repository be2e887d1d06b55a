package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertBadRequest;
import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertForbidden;
import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract, "Platform API Key": a company's key acts as the user each request names. */
class ApiKeyIT extends ApiTest {

    static final String MISSING_USER_HEADER =
            "Missing required header 'x-meetergo-api-user-id' for API key authentication";

    @Test
    void createdKeyIsShownOnceAndListedWithoutSecret() {
        var tenant = Tenant.create();
        var created = Api.post("/v4/api-key", "{\"name\": \"Production Integration\", \"expiresInDays\": 90}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(created, 201);
        var body = created.object();
        assertEquals(
                Set.of("id", "name", "key", "scopes", "allowedIps", "createdAt", "expiresAt", "rotatedFrom"),
                body.keySet(),
                created::toString);
        var key = body.getString("key");
        assertTrue(key.matches("ak_live:" + body.getString("id") + ":[0-9A-Za-z]{38}"), created::toString);
        assertEquals("Production Integration", body.getString("name"));
        var days = Duration.between(
                Instant.parse(body.getString("createdAt")), Instant.parse(body.getString("expiresAt")));
        assertEquals(Duration.ofDays(90), days);

        var list = Api.get("/v4/api-key").bearer(tenant.ownerToken()).send();
        assertStatus(list, 200);
        assertFalse(list.body().contains(key.substring(key.lastIndexOf(':') + 1)), list::toString);
        var listed = list.array().getJsonObject(0);
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
        assertEquals(body.getString("id"), listed.getString("id"));
        assertEquals("ACTIVE", listed.getString("status"));
        assertEquals(key.substring(0, key.lastIndexOf(':') + 5) + "…", listed.getString("hint"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"expiresInDays\": 0}", "{\"expiresInDays\": 91}", "{\"expiresInDays\": -5}"})
    void expiryOutsideOneToNinetyDaysIsRefused(String body) {
        var tenant = Tenant.create();
        assertBadRequest(
                Api.post("/v4/api-key", body).bearer(tenant.ownerToken()).send(),
                "expiresInDays must be between 1 and 90");
    }

    @Test
    void expiryIsRequired() {
        var tenant = Tenant.create();
        assertBadRequest(
                Api.post("/v4/api-key", "{\"name\": \"x\"}")
                        .bearer(tenant.ownerToken())
                        .send(),
                "expiresInDays is required (1-90)");
        assertBadRequest(
                Api.post("/v4/api-key", "{\"expiresInDays\": \"soon\"}")
                        .bearer(tenant.ownerToken())
                        .send(),
                "The request body is not valid JSON of the expected shape");
        assertBadRequest(
                Api.post("/v4/api-key", "{not json").bearer(tenant.ownerToken()).send(),
                "The request body is not valid JSON of the expected shape");
    }

    @Test
    void onlyOwnersAndAdminsManageKeys() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var admin = tenant.user("ADMIN");
        var key = tenant.apiKey();
        assertForbidden(Api.post("/v4/api-key", "{\"expiresInDays\": 1}")
                .bearer(tenant.tokenOf(member))
                .send());
        assertForbidden(Api.get("/v4/api-key").bearer(key).actingAs(member).send());
        assertStatus(
                Api.post("/v4/api-key", "{\"expiresInDays\": 1}")
                        .bearer(tenant.tokenOf(admin))
                        .send(),
                201);
        assertStatus(Api.get("/v4/api-key").bearer(key).actingAs(admin).send(), 200);
    }

    @Test
    void keyWithoutUserHeaderActsAsOwnerOnUserMe() {
        var tenant = Tenant.create();
        var me = Api.get("/v4/user/me").bearer(tenant.apiKey()).send();
        assertStatus(me, 200);
        assertEquals(tenant.ownerId(), me.string("id"));
        assertEquals("OWNER", me.string("role"));
    }

    @Test
    void keyWithoutUserHeaderCreatesUsersAsOwner() {
        var tenant = Tenant.create();
        var created = Api.post(
                        "/v4/user",
                        "{\"email\": \"new-" + tenant.companyId() + "@example.com\","
                                + " \"givenName\": \"New\", \"familyName\": \"Member\"}")
                .bearer(tenant.apiKey())
                .send();
        assertStatus(created, 201);
        assertEquals(created.string("id"), created.string("userId"));
        assertEquals("MEMBER", created.string("role"));
        assertEquals(tenant.companyId(), created.string("companyId"));
    }

    @Test
    void keyWithoutUserHeaderElsewhereIsBadRequest() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        assertBadRequest(Api.get("/v4/meeting-type").bearer(key).send(), MISSING_USER_HEADER);
        assertBadRequest(Api.get("/v4/user").bearer(key).send(), MISSING_USER_HEADER);
        assertBadRequest(Api.get("/v4/appointment").bearer(key).send(), MISSING_USER_HEADER);
        assertBadRequest(Api.get("/v4/api-key").bearer(key).send(), MISSING_USER_HEADER);
    }

    @Test
    void keyActsAsTheNamedUserWithThatUsersRole() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var key = tenant.apiKey();
        var me = Api.get("/v4/user/me").bearer(key).actingAs(member).send();
        assertStatus(me, 200);
        assertEquals(member, me.string("id"));
        assertEquals("MEMBER", me.string("role"));
        assertForbidden(Api.get("/v4/user").bearer(key).actingAs(member).send());
        assertStatus(Api.get("/v4/user").bearer(key).actingAs(tenant.ownerId()).send(), 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1", "550e8400e29b41d4a716446655440000", "' or 1=1 --"})
    void userHeaderThatIsNoUuidIsBadRequest(String value) {
        var tenant = Tenant.create();
        assertBadRequest(
                Api.get("/v4/meeting-type")
                        .bearer(tenant.apiKey())
                        .actingAs(value)
                        .send(),
                "Header 'x-meetergo-api-user-id' must be a user id (UUID)");
    }

    @Test
    void unknownUserIsTheContractsInternalServerError() {
        var tenant = Tenant.create();
        assertError(
                Api.get("/v4/meeting-type")
                        .bearer(tenant.apiKey())
                        .actingAs("550e8400-e29b-41d4-a716-446655440000")
                        .send(),
                500,
                "Internal Server Error",
                "API user does not belong to company");
    }

    @Test
    void revokedKeyIsRefusedOnTheVeryNextRequest() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var id = key.split(":")[1];
        assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);
        assertStatus(Api.delete("/v4/api-key/" + id).bearer(tenant.ownerToken()).send(), 204);
        assertInvalidCredential(Api.get("/v4/user/me").bearer(key).send());
        var listed = Api.get("/v4/api-key")
                .bearer(tenant.ownerToken())
                .send()
                .array()
                .getJsonObject(0);
        assertEquals("REVOKED", listed.getString("status"));
    }

    @Test
    void realKeyIdWithAnotherSecretIsInvalid() {
        var tenant = Tenant.create();
        var id = tenant.apiKey().split(":")[1];
        var forged = TokenFormat.newApiKey(new SecureRandom(), id);
        assertInvalidCredential(Api.get("/v4/user/me").bearer(forged).send());
    }

    @Test
    void revokingAnUnknownKeyIsNotFound() {
        var tenant = Tenant.create();
        assertError(
                Api.delete("/v4/api-key/550e8400-e29b-41d4-a716-446655440000")
                        .bearer(tenant.ownerToken())
                        .send(),
                404,
                "Not Found",
                "API key not found");
    }
}
