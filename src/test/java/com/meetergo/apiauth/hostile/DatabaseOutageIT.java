package com.meetergo.apiauth.hostile;

import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import java.io.File;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The local PostgreSQL stops in the middle of a run: valid credentials get 503, never "Invalid API key"; readiness goes
 * DOWN; nothing is half written; when the database is back the server recovers on its own. Runs only against PostgreSQL
 * (mvn verify -Ddb.kind=postgresql), as root.
 */
@EnabledIfSystemProperty(named = "db.kind", matches = "postgresql")
class DatabaseOutageIT extends ApiTest {

    private static final String UNAVAILABLE = "Service temporarily unavailable; retry later";

    @Test
    void outageIsServiceUnavailableAndTheServerRecoversWithoutRestart() throws Exception {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var users =
                Api.get("/v4/user").bearer(tenant.ownerToken()).send().array().size();
        assertEquals(200, Api.get("/health/ready").send().status());
        postgres("stop");
        try {
            // Well-formed unknown credentials reach the database too: their answer is the outage's, not 401.
            var random = new SecureRandom();
            var unknownPat = TokenFormat.newPat(random);
            var unknownKey = TokenFormat.newApiKey(random, UUID.randomUUID().toString());
            for (var credential : new String[] {key, tenant.ownerToken(), unknownPat, unknownKey}) {
                assertError(Api.get("/v4/user/me").bearer(credential).send(), 503, "Service Unavailable", UNAVAILABLE);
            }
            // A malformed one never gets that far.
            assertError(Api.get("/v4/user/me").bearer("rgo-short").send(), 401, "Unauthorized", "Invalid API key");
            var health = Api.get("/health/ready").send();
            assertEquals(503, health.status(), health::toString);
            assertTrue(health.body().contains("\"DOWN\""), health::toString);
        } finally {
            postgres("start");
        }
        var back = eventually(() -> Api.get("/v4/user/me").bearer(key).send(), a -> a.status() == 200);
        assertStatus(back, 200);
        assertEquals(
                200,
                eventually(() -> Api.get("/health/ready").send(), a -> a.status() == 200)
                        .status());
        assertEquals(
                users,
                Api.get("/v4/user").bearer(tenant.ownerToken()).send().array().size());
    }

    @Test
    void writeDuringTheOutageLeavesNothingHalfWritten() throws Exception {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);
        var body = "{\"email\": \"outage-" + tenant.companyId() + "@example.com\", \"givenName\": \"O\","
                + " \"familyName\": \"Utage\"}";
        postgres("stop");
        try {
            var during = Api.post("/v4/user", body).bearer(key).send();
            assertEquals(503, during.status(), during::toString);
        } finally {
            postgres("start");
        }
        eventually(() -> Api.get("/v4/user/me").bearer(key).send(), a -> a.status() == 200);
        assertEquals(
                1,
                Api.get("/v4/user").bearer(tenant.ownerToken()).send().array().size());
        assertStatus(Api.post("/v4/user", body).bearer(key).send(), 201);
    }

    private static Answer eventually(Supplier<Answer> request, Predicate<Answer> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Answer last = request.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            last = request.get();
        }
        return last;
    }

    /** pg_ctlcluster for the machine's one cluster, as the machine's own start command does. */
    private static void postgres(String action) throws IOException, InterruptedException {
        var versions = new File("/etc/postgresql").list();
        assertTrue(versions != null && versions.length == 1, "one PostgreSQL cluster under /etc/postgresql");
        var command =
                new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", versions[0], "main", action));
        if (action.equals("stop")) {
            command.addAll(List.of("-m", "fast"));
        }
        var process = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, process.waitFor(), "pg_ctlcluster " + action);
    }
}
