package com.meetergo.apiauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.RawHttp;
import com.meetergo.apiauth.support.Tenant;
import com.meetergo.apiauth.support.TestPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client address is the connection's peer unless the operator names the proxies in front (trusted.proxies; none by
 * default): a forwarded-for header from anyone else changes nothing — not the throttle, not the last-used address, not
 * the access log. Honoured from a named proxy: TrustedProxyIT (PostgreSQL run).
 */
@ExtendWith(ArquillianExtension.class)
class ForwardedHeadersIT {

    static final int PER_ADDRESS = 5;

    static final String[] FORGED = {
        "X-Forwarded-For: 203.0.113.7", "Forwarded: for=203.0.113.8", "X-Real-IP: 203.0.113.9"
    };

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war(
                "apiauth.throttle.address-failures=" + PER_ADDRESS, "apiauth.throttle.key-failures=1000000");
    }

    @Test
    void aForgedAddressDodgesNeitherTheThrottleNorTheRecord() throws IOException {
        var random = new SecureRandom();
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        // a different forged address on every guess: still one client, throttled after PER_ADDRESS
        for (int i = 0; i < PER_ADDRESS; i++) {
            var reply = RawHttp.send(
                    "127.0.0.1",
                    "GET",
                    "/v4/user/me",
                    null,
                    "Authorization: Bearer " + TokenFormat.newPat(random),
                    "X-Forwarded-For: 198.51.100." + i,
                    "Forwarded: for=198.51.100." + i);
            assertEquals(401, reply.status(), reply::toString);
        }
        var throttled = RawHttp.send(
                "127.0.0.1",
                "GET",
                "/v4/user/me",
                null,
                "Authorization: Bearer " + TokenFormat.newPat(random),
                "X-Forwarded-For: 198.51.100.99");
        assertEquals(429, throttled.status(), throttled::toString);

        // the last use is recorded with the peer's address, not the forged one (from ::1: not throttled)
        var reply = RawHttp.send(
                "::1",
                "GET",
                "/v4/user/me",
                null,
                concat("Authorization: Bearer " + key, "x-meetergo-api-user-id: " + tenant.ownerId()));
        assertEquals(200, reply.status(), reply::toString);
        var listed = Api.get("/v4/api-key")
                .on("http://[::1]:" + TestPorts.http())
                .bearer(tenant.ownerToken())
                .send()
                .array()
                .stream()
                .map(v -> v.asJsonObject())
                .filter(o -> key.contains(o.getString("id")))
                .findFirst()
                .orElseThrow();
        var recorded = listed.getString("lastUsedIp");
        assertTrue(recorded.equals("0:0:0:0:0:0:0:1") || recorded.equals("::1"), "the peer: " + listed);

        // and the access log shows the peer too
        var log = Path.of(System.getProperty("it.server.dir", "."), "logs/http_access.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String text = "";
        while (System.nanoTime() < deadline
                && !(text = Files.readString(log)).contains("198.51.100.99")
                && !text.contains("\"GET /v4/user/me\" 429")) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        assertTrue(text.contains("\"GET /v4/user/me\" 429"), "the throttled request is in the access log");
        for (var forged : new String[] {"203.0.113.", "198.51.100."}) {
            assertFalse(text.contains(forged), "a forged address in the access log: " + forged);
        }
    }

    private static String[] concat(String... lines) {
        var all = new String[lines.length + FORGED.length];
        System.arraycopy(lines, 0, all, 0, lines.length);
        System.arraycopy(FORGED, 0, all, lines.length, FORGED.length);
        return all;
    }
}
