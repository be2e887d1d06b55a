package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Changes to users leave a trace: who (credential and user), from where, to whom. */
class UserAuditIT extends ApiTest {

    private static List<JsonObject> events(Tenant tenant, String query) {
        var answer = Api.get("/v4/audit-event?pageSize=200&" + query)
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(answer, 200);
        return answer.array().stream().map(JsonValue::asJsonObject).toList();
    }

    @Test
    void everyChangeToAUserIsAuditedWithItsActorAndAddress() {
        var tenant = Tenant.create();
        var admin = tenant.user("ADMIN");
        var key = tenant.apiKey();
        var keyId = key.split(":")[1];
        var created = Api.post(
                        "/v4/user",
                        "{\"email\": \"a-" + UUID.randomUUID() + "@example.com\", \"givenName\":"
                                + " \"Al\", \"familyName\": \"Audit\"}")
                .bearer(key)
                .actingAs(admin)
                .send();
        assertStatus(created, 201);
        var user = created.string("userId");
        assertStatus(
                Api.patch("/v4/user/" + user, "{\"givenName\": \"Bo\"}")
                        .bearer(key)
                        .actingAs(admin)
                        .send(),
                200);
        assertStatus(
                Api.patch("/v4/user/" + user, "{\"role\": \"ADMIN\"}")
                        .bearer(key)
                        .actingAs(admin)
                        .send(),
                200);
        assertStatus(Api.delete("/v4/user/" + user).bearer(key).actingAs(admin).send(), 204);

        var trail = events(tenant, "").stream()
                .filter(e -> user.equals(e.getString("subjectUserId", null)))
                .toList();
        assertEquals(
                List.of("user_deleted", "user_role_changed", "user_updated", "user_created"),
                trail.stream().map(e -> e.getString("type")).toList());
        for (var event : trail) {
            assertEquals(keyId, event.getString("actorCredentialId"), event::toString);
            assertEquals(admin, event.getString("actorUserId"), event::toString);
            assertEquals("127.0.0.1", event.getString("sourceIp"), event::toString);
            assertEquals(JsonValue.NULL, event.get("credentialId"), event::toString);
            assertEquals(JsonValue.NULL, event.get("credentialType"), event::toString);
        }
    }

    /** Without the user header a key acts as the owner: that is impersonation of the owner too. */
    @Test
    void aKeyActingAsTheOwnerByDefaultIsAuditedAsActingForTheOwner() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);
        var impersonation = events(tenant, "type=impersonation&credentialId=" + key.split(":")[1]);
        assertEquals(1, impersonation.size(), impersonation::toString);
        assertEquals(tenant.ownerId(), impersonation.get(0).getString("subjectUserId"));
    }
}
