package com.meetergo.apiauth.security;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static com.meetergo.apiauth.support.ApiAssertions.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.application.CredentialSweep;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.MutableClock;
import com.meetergo.apiauth.support.Tenant;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** The expiry sweep: what it changes, that it changes it once, and that it runs on its own timer. */
class CredentialSweepIT extends InContainerTest {

    @Deployment
    public static WebArchive deployment() {
        return war("apiauth.sweep.period=PT1S");
    }

    @Inject
    MutableClock clock;

    @Inject
    CredentialSweep sweep;

    @Resource(lookup = "jdbc/apiauth")
    DataSource database;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    private String stored(String table, String column, String id) throws SQLException {
        try (var c = database.getConnection();
                var s = c.prepareStatement("select " + column + " from " + table + " where id = ?")) {
            s.setString(1, id);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private List<String> events(Tenant tenant, String credentialId) {
        return Api.get("/v4/audit-event?credentialId=" + credentialId).bearer(tenant.ownerToken()).send().array()
                .stream().map(v -> v.asJsonObject().getString("type")).toList();
    }

    @Test
    void keyIsRefusedOneSecondPastExpiryWithoutAnySweep() {
        var tenant = Tenant.create();
        var created = Api.post("/v4/api-key", "{\"expiresInDays\": 1}").bearer(tenant.ownerToken()).send();
        var expiresAt = Instant.parse(created.string("expiresAt"));
        clock.setTo(expiresAt.minusSeconds(1));
        assertStatus(Api.get("/v4/user/me").bearer(created.string("key")).send(), 200);
        clock.setTo(expiresAt.plusSeconds(1));
        assertUnauthorized(Api.get("/v4/user/me").bearer(created.string("key")).send(), "API key has expired");
    }

    @Test
    void sweepExpiresWarnsAndErasesOnceEach() throws Exception {
        var tenant = Tenant.create();
        var created = Api.post("/v4/api-key", "{\"expiresInDays\": 10}").bearer(tenant.ownerToken()).send();
        var id = created.string("id");
        var expiresAt = Instant.parse(created.string("expiresAt"));

        clock.setTo(expiresAt.minus(Duration.ofDays(6)));
        sweep.run();
        sweep.run();
        assertEquals(List.of("expiring_soon", "created"), events(tenant, id));

        clock.setTo(expiresAt.plusSeconds(1));
        sweep.run();
        sweep.run();
        assertEquals("EXPIRED", stored("api_key", "status", id));
        assertEquals(List.of("expired", "expiring_soon", "created"), events(tenant, id));
        assertTrue(stored("api_key", "secret_digest", id) != null);

        clock.setTo(expiresAt.plus(Duration.ofDays(31)));
        sweep.run();
        assertEquals(null, stored("api_key", "secret_digest", id));
        assertEquals("ak_live:" + id + ":", stored("api_key", "hint", id).substring(0, 45));
        assertUnauthorized(Api.get("/v4/user/me").bearer(created.string("key")).send(), "Invalid API key");
    }

    @Test
    void sweepEndsTheOldKeyOfARotationAfterItsGracePeriod() throws Exception {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var id = key.split(":")[1];
        var rotated = Api.post("/v4/api-key/" + id + "/rotate", "{\"gracePeriodSeconds\": 3600}")
                .bearer(tenant.ownerToken()).send();
        assertStatus(rotated, 201);
        clock.setTo(Instant.now().plus(Duration.ofMinutes(59)));
        assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);
        clock.setTo(Instant.now().plus(Duration.ofMinutes(61)));
        assertUnauthorized(Api.get("/v4/user/me").bearer(key).send(), "Invalid API key");
        assertStatus(Api.get("/v4/user/me").bearer(rotated.string("key")).send(), 200);
        sweep.run();
        assertEquals("REVOKED", stored("api_key", "status", id));
        assertEquals("revoked", events(tenant, id).get(0));
    }

    @Test
    void sweepFiresOnItsOwnPersistentTimer() throws Exception {
        var tenant = Tenant.create();
        var created = Api.post("/v4/api-key", "{\"expiresInDays\": 1}").bearer(tenant.ownerToken()).send();
        var id = created.string("id");
        clock.setTo(Instant.parse(created.string("expiresAt")).plusSeconds(5));
        // The test server runs the sweep every second (apiauth.sweep.period=PT1S); the timer ticks every 10 s.
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!"EXPIRED".equals(stored("api_key", "status", id)) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        assertEquals("EXPIRED", stored("api_key", "status", id));
        assertEquals("expired", events(tenant, id).get(0));
    }
}
