package com.meetergo.apiauth.security;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static com.meetergo.apiauth.support.ApiAssertions.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.MutableClock;
import com.meetergo.apiauth.support.Tenant;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Expiry is checked on every request against the clock: no cleanup job is needed for it to hold. */
class CredentialExpiryIT extends InContainerTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void apiKeyWorksUntilTheInstantItExpires() {
        var tenant = Tenant.create();
        var created = Api.post("/v4/api-key", "{\"expiresInDays\": 1}").bearer(tenant.ownerToken()).send();
        var key = created.string("key");
        var expiresAt = Instant.parse(created.string("expiresAt"));

        clock.setTo(expiresAt.minusMillis(1));
        assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);
        clock.setTo(expiresAt);
        assertUnauthorized(Api.get("/v4/user/me").bearer(key).send(), "API key has expired");
        assertUnauthorized(Api.get("/v4/meeting-type").bearer(key).actingAs(tenant.ownerId()).send(),
                "API key has expired");
        var listed = Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array().getJsonObject(0);
        assertEquals("EXPIRED", listed.getString("status"));
    }

    @Test
    void patWithExpiryStopsAtItAndOneWithoutDoesNot() {
        var tenant = Tenant.create();
        var expiresAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var created = Api.post("/v4/personal-access-token",
                "{\"name\": \"hourly\", \"expiresAt\": \"" + expiresAt + "\"}").bearer(tenant.ownerToken()).send();
        assertStatus(created, 201);
        assertEquals(expiresAt, Instant.parse(created.string("expiresAt")));

        clock.setTo(expiresAt.minusSeconds(1));
        assertStatus(Api.get("/v4/user/me").bearer(created.string("token")).send(), 200);
        clock.setTo(expiresAt.plus(Duration.ofDays(3650)));
        assertUnauthorized(Api.get("/v4/user/me").bearer(created.string("token")).send(), "API key has expired");
        assertStatus(Api.get("/v4/user/me").bearer(tenant.ownerToken()).send(), 200);
    }

    @Test
    void expiredAndRevokedIsInvalidNotExpired() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        assertStatus(Api.delete("/v4/api-key/" + key.split(":")[1]).bearer(tenant.ownerToken()).send(), 204);
        clock.setTo(Instant.now().plus(Duration.ofDays(31)));
        assertUnauthorized(Api.get("/v4/user/me").bearer(key).send(), "Invalid API key");
    }
}
