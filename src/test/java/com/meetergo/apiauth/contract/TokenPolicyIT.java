package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertBadRequest;
import static com.meetergo.apiauth.support.ApiAssertions.assertForbidden;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A company bounds the life of its PATs, as a GitHub organisation can: new and rotated ones expire within it. */
class TokenPolicyIT extends ApiTest {

    @Test
    void aCompanyBoundsTheLifeOfNewTokens() {
        var tenant = Tenant.create();
        var owner = tenant.ownerToken();
        var none = Api.get("/v4/company/token-policy").bearer(owner).send();
        assertStatus(none, 200);
        assertEquals("application/json", none.contentType());
        assertEquals("{\"maxPersonalAccessTokenLifetimeDays\":null}", none.body());

        var set = Api.put("/v4/company/token-policy", "{\"maxPersonalAccessTokenLifetimeDays\": 30}")
                .bearer(owner)
                .send();
        assertStatus(set, 200);
        assertEquals("{\"maxPersonalAccessTokenLifetimeDays\":30}", set.body());

        var before = Instant.now();
        var forever = Api.post("/v4/personal-access-token", "{\"name\": \"forever\"}")
                .bearer(owner)
                .send();
        assertStatus(forever, 201);
        var expiresAt = Instant.parse(forever.string("expiresAt"));
        assertTrue(
                !expiresAt.isBefore(before.plus(Duration.ofDays(30)).minusSeconds(5))
                        && !expiresAt.isAfter(Instant.now().plus(Duration.ofDays(30))),
                forever::toString);
        var far = Api.post("/v4/personal-access-token", "{\"name\": \"far\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}")
                .bearer(owner)
                .send();
        assertTrue(Instant.parse(far.string("expiresAt")).isBefore(Instant.now().plus(Duration.ofDays(31))));
        var soon = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);
        var shorter = Api.post("/v4/personal-access-token", "{\"name\": \"soon\", \"expiresAt\": \"" + soon + "\"}")
                .bearer(owner)
                .send();
        assertEquals(soon, Instant.parse(shorter.string("expiresAt")));

        assertEquals(
                "{\"maxPersonalAccessTokenLifetimeDays\":null}",
                Api.put("/v4/company/token-policy", "{\"maxPersonalAccessTokenLifetimeDays\": null}")
                        .bearer(owner)
                        .send()
                        .body());
    }

    /** Lifting the cap, abusing it and restoring it leaves a trail: every change, old -> new, and who made it. */
    @Test
    void everyPolicyChangeIsAudited() {
        var tenant = Tenant.create();
        var admin = tenant.user("ADMIN");
        var adminToken = tenant.tokenOf(admin);
        for (var days : new String[] {"30", "null", "null", "30"}) {
            assertStatus(
                    Api.put("/v4/company/token-policy", "{\"maxPersonalAccessTokenLifetimeDays\": " + days + "}")
                            .bearer(adminToken)
                            .send(),
                    200);
        }
        var events = Api.get("/v4/audit-event?type=token_policy_changed")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(events, 200);
        // newest first; setting what is already set changes nothing and records nothing
        assertEquals(
                List.of(
                        "maxPersonalAccessTokenLifetimeDays: none -> 30",
                        "maxPersonalAccessTokenLifetimeDays: 30 -> none",
                        "maxPersonalAccessTokenLifetimeDays: none -> 30"),
                events.array().stream()
                        .map(v -> v.asJsonObject().getString("detail"))
                        .toList());
        for (var event : events.array().getValuesAs(JsonObject.class)) {
            assertEquals(admin, event.getString("actorUserId"), event::toString);
            assertEquals("token_policy_changed", event.getString("type"));
        }
    }

    @Test
    void onlyOwnersAndAdminsSetItWithinBounds() {
        var tenant = Tenant.create();
        assertForbidden(Api.put("/v4/company/token-policy", "{\"maxPersonalAccessTokenLifetimeDays\": 1}")
                .bearer(tenant.tokenOf(tenant.user("MEMBER")))
                .send());
        assertStatus(
                Api.put("/v4/company/token-policy", "{\"maxPersonalAccessTokenLifetimeDays\": 7}")
                        .bearer(tenant.tokenOf(tenant.user("ADMIN")))
                        .send(),
                200);
        assertBadRequest(
                Api.put("/v4/company/token-policy", "{\"maxPersonalAccessTokenLifetimeDays\": 0}")
                        .bearer(tenant.ownerToken())
                        .send(),
                "maxPersonalAccessTokenLifetimeDays must be between 1 and 3650");
    }
}
