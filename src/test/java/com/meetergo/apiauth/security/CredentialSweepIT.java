package com.meetergo.apiauth.security;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static com.meetergo.apiauth.support.ApiAssertions.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.application.CredentialSweep;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The expiry sweep: what it changes, that it changes it once, and that it runs on its own timer.
 *
 * <p>The sweep runs on the real clock, over the database every other test uses too: it must never touch what is not
 * due, so no test moves time for the whole server. A test makes its own credential due instead, by moving that one
 * row's dates back (as if it had been created that long ago), and then lets the shipped clock and sweep do the rest.
 */
class CredentialSweepIT extends InContainerTest {

    @Deployment
    public static WebArchive deployment() {
        return war("apiauth.sweep.period=PT1S");
    }

    @Inject
    CredentialSweep sweep;

    @Resource(lookup = "jdbc/apiauth")
    DataSource database;

    private String stored(String column, String id) throws SQLException {
        try (var c = database.getConnection();
                var s = c.prepareStatement("select " + column + " from api_key where id = ?")) {
            s.setString(1, id);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Moves one key's date column to {@code at}: that key alone becomes due. */
    private void moveBack(String column, String id, Instant at) throws SQLException {
        try (var c = database.getConnection();
                var s = c.prepareStatement("update api_key set " + column + " = ? where id = ?")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, id);
            assertEquals(1, s.executeUpdate());
        }
    }

    private List<String> events(Tenant tenant, String credentialId) {
        return Api.get("/v4/audit-event?credentialId=" + credentialId)
                .bearer(tenant.ownerToken())
                .send()
                .array()
                .stream()
                .map(v -> v.asJsonObject().getString("type"))
                .toList();
    }

    @Test
    void sweepExpiresWarnsAndErasesOnceEach() throws Exception {
        var tenant = Tenant.create();
        var created = Api.post("/v4/api-key", "{\"expiresInDays\": 10}")
                .bearer(tenant.ownerToken())
                .send();
        var id = created.string("id");

        moveBack("expires_at", id, Instant.now().plus(Duration.ofDays(6)));
        sweep.run();
        sweep.run();
        assertEquals(List.of("expiring_soon", "created"), events(tenant, id));

        moveBack("expires_at", id, Instant.now().minusSeconds(1));
        sweep.run();
        sweep.run();
        assertEquals("EXPIRED", stored("status", id));
        assertEquals(List.of("expired", "expiring_soon", "created"), events(tenant, id));
        assertTrue(stored("secret_digest", id) != null);

        moveBack("expires_at", id, Instant.now().minus(Duration.ofDays(31)));
        sweep.run();
        assertEquals(null, stored("secret_digest", id));
        assertEquals("ak_live:" + id + ":", stored("hint", id).substring(0, 45));
        assertUnauthorized(Api.get("/v4/user/me").bearer(created.string("key")).send(), "Invalid API key");
    }

    private List<String> details(Tenant tenant, String credentialId) {
        return Api.get("/v4/audit-event?credentialId=" + credentialId)
                .bearer(tenant.ownerToken())
                .send()
                .array()
                .stream()
                .map(v -> v.asJsonObject().isNull("detail")
                        ? null
                        : v.asJsonObject().getString("detail"))
                .toList();
    }

    @Test
    void expiryIsWarnedSevenDaysAndOneDayAheadOnceEach() throws Exception {
        var tenant = Tenant.create();
        var id = Api.post("/v4/api-key", "{\"expiresInDays\": 30}")
                .bearer(tenant.ownerToken())
                .send()
                .string("id");
        moveBack("expires_at", id, Instant.now().plus(Duration.ofDays(6)));
        sweep.run();
        moveBack("expires_at", id, Instant.now().plus(Duration.ofHours(20)));
        sweep.run();
        sweep.run();
        assertEquals(List.of("expiring_soon", "expiring_soon", "created"), events(tenant, id));
        assertEquals(
                Arrays.asList("within P1D", "within P7D"), details(tenant, id).subList(0, 2));

        // Credentials inside both windows at once are warned once, by the last warning (two in one
        // batch: the events go in as one JDBC batch, details and all).
        var late = List.of(newKey(tenant), newKey(tenant));
        for (var key : late) {
            moveBack("expires_at", key, Instant.now().plus(Duration.ofHours(3)));
        }
        sweep.run();
        sweep.run();
        for (var key : late) {
            assertEquals(List.of("expiring_soon", "created"), events(tenant, key));
            assertEquals("within P1D", details(tenant, key).get(0));
        }
    }

    private static String newKey(Tenant tenant) {
        return Api.post("/v4/api-key", "{\"expiresInDays\": 30}")
                .bearer(tenant.ownerToken())
                .send()
                .string("id");
    }

    @Test
    void sweepEndsTheOldKeyOfARotationAfterItsGracePeriod() throws Exception {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var id = key.split(":")[1];
        var rotated = Api.post("/v4/api-key/" + id + "/rotate", "{\"gracePeriodSeconds\": 3600}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(rotated, 201);
        moveBack("grace_until", id, Instant.now().minusSeconds(1));
        sweep.run();
        assertEquals("REVOKED", stored("status", id));
        assertEquals("revoked", events(tenant, id).get(0));
        assertUnauthorized(Api.get("/v4/user/me").bearer(key).send(), "Invalid API key");
        assertStatus(Api.get("/v4/user/me").bearer(rotated.string("key")).send(), 200);
    }

    @Test
    void sweepFiresOnItsOwnPersistentTimer() throws Exception {
        var tenant = Tenant.create();
        var created = Api.post("/v4/api-key", "{\"expiresInDays\": 1}")
                .bearer(tenant.ownerToken())
                .send();
        var id = created.string("id");
        moveBack("expires_at", id, Instant.now().minusSeconds(5));
        // This deployment runs the sweep every second (apiauth.sweep.period=PT1S); the timer ticks every 10 s.
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!"EXPIRED".equals(stored("status", id)) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        assertEquals("EXPIRED", stored("status", id));
        assertEquals("expired", events(tenant, id).get(0));
    }
}
