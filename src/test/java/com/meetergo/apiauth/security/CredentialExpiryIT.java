package com.meetergo.apiauth.security;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static com.meetergo.apiauth.support.ApiAssertions.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.MutableClock;
import com.meetergo.apiauth.support.Tenant;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Expiry is checked on every request against the clock: no cleanup job is needed for it to hold. */
class CredentialExpiryIT extends InContainerTest {

    @Deployment
    public static WebArchive deployment() {
        return warWithTestClock(NO_SWEEP);
    }

    @Inject
    MutableClock clock;

    @Resource(lookup = "jdbc/apiauth")
    DataSource database;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    private String storedStatus(String keyId) throws SQLException {
        try (var c = database.getConnection();
                var s = c.prepareStatement("select status from api_key where id = ?")) {
            s.setString(1, keyId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void apiKeyWorksUntilTheInstantItExpires() throws SQLException {
        var tenant = Tenant.create();
        var created = Api.post("/v4/api-key", "{\"expiresInDays\": 1}")
                .bearer(tenant.ownerToken())
                .send();
        var key = created.string("key");
        var expiresAt = Instant.parse(created.string("expiresAt"));

        clock.setTo(expiresAt.minusMillis(1));
        assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);
        clock.setTo(expiresAt);
        assertUnauthorized(Api.get("/v4/user/me").bearer(key).send(), "API key has expired");
        // The sweep is off in this deployment: the answer came from the request's own check.
        assertEquals("ACTIVE", storedStatus(created.string("id")));
        assertUnauthorized(
                Api.get("/v4/meeting-type")
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                "API key has expired");
        var listed = Api.get("/v4/api-key")
                .bearer(tenant.ownerToken())
                .send()
                .array()
                .getJsonObject(0);
        assertEquals("EXPIRED", listed.getString("status"));
    }

    @Test
    void patWithExpiryStopsAtItAndOneWithoutDoesNot() {
        var tenant = Tenant.create();
        var expiresAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        var created = Api.post(
                        "/v4/personal-access-token", "{\"name\": \"hourly\", \"expiresAt\": \"" + expiresAt + "\"}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(created, 201);
        assertEquals(expiresAt, Instant.parse(created.string("expiresAt")));

        clock.setTo(expiresAt.minusSeconds(1));
        assertStatus(Api.get("/v4/user/me").bearer(created.string("token")).send(), 200);
        clock.setTo(expiresAt.plus(Duration.ofDays(3650)));
        assertUnauthorized(
                Api.get("/v4/user/me").bearer(created.string("token")).send(), "API key has expired");
        assertStatus(Api.get("/v4/user/me").bearer(tenant.ownerToken()).send(), 200);
    }

    @Test
    void rotatedKeyNeverOutlivesItsOwnExpiry() {
        var tenant = Tenant.create();
        var created = Api.post("/v4/api-key", "{\"expiresInDays\": 1}")
                .bearer(tenant.ownerToken())
                .send();
        var expiresAt = Instant.parse(created.string("expiresAt"));
        var rotated = Api.post("/v4/api-key/" + created.string("id") + "/rotate", "{\"gracePeriodSeconds\": 86400}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(rotated, 201);
        clock.setTo(expiresAt.minusMillis(1));
        assertStatus(Api.get("/v4/user/me").bearer(created.string("key")).send(), 200);
        clock.setTo(expiresAt);
        assertUnauthorized(Api.get("/v4/user/me").bearer(created.string("key")).send(), "Invalid API key");
        assertStatus(Api.get("/v4/user/me").bearer(rotated.string("key")).send(), 200);
    }

    /** The decision "Order of checks": expiry is told only to the right secret, and before any header answer. */
    @Test
    void anExpiredKeysStateIsToldOnlyToItsSecretAndBeforeTheUserHeader() {
        var tenant = Tenant.create();
        var stranger = Tenant.create();
        var created = Api.post("/v4/api-key", "{\"expiresInDays\": 1}")
                .bearer(tenant.ownerToken())
                .send();
        var key = created.string("key");
        var forged = TokenFormat.newApiKey(new SecureRandom(), created.string("id"));
        clock.setTo(Instant.parse(created.string("expiresAt")).plusSeconds(1));
        assertUnauthorized(Api.get("/v4/user/me").bearer(forged).send(), "Invalid API key");
        assertUnauthorized(
                Api.get("/v4/meeting-type")
                        .bearer(forged)
                        .actingAs(stranger.ownerId())
                        .send(),
                "Invalid API key");
        assertUnauthorized(
                Api.get("/v4/meeting-type")
                        .bearer(key)
                        .actingAs(stranger.ownerId())
                        .send(),
                "API key has expired");
        assertUnauthorized(
                Api.get("/v4/meeting-type").bearer(key).actingAs("not-a-uuid").send(), "API key has expired");
        assertUnauthorized(Api.get("/v4/meeting-type").bearer(key).send(), "API key has expired");
    }

    @Test
    void expiredAndRevokedIsInvalidNotExpired() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        assertStatus(
                Api.delete("/v4/api-key/" + key.split(":")[1])
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        clock.setTo(Instant.now().plus(Duration.ofDays(31)));
        assertUnauthorized(Api.get("/v4/user/me").bearer(key).send(), "Invalid API key");
    }
}
