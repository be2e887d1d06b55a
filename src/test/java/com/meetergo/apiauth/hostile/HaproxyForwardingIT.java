package com.meetergo.apiauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.contract.AllowlistIT;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.RawHttp;
import com.meetergo.apiauth.support.Tenant;
import com.meetergo.apiauth.support.TestPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real HAProxy started from the shipped bench/haproxy.cfg in front of the test server, which trusts it
 * (trusted.proxies: 127.0.0.1, the address HAProxy connects from). The client speaks from another loopback address,
 * 127.0.0.2, and forges every forwarding header there is to pass a key fenced to 203.0.113.0/24: each is refused, and
 * the address recorded is the client's.
 */
@ExtendWith(ArquillianExtension.class)
class HaproxyForwardingIT {

    private static final String CLIENT = "127.0.0.2";

    private static final List<String[]> FORGERIES = List.of(
            new String[] {"Forwarded: for=203.0.113.9"},
            new String[] {"Forwarded: for=\"203.0.113.9\""},
            new String[] {"Forwarded: for=203.0.113.9;proto=https;host=api.example.com"},
            new String[] {"Forwarded: for=203.0.113.9, for=203.0.113.10", "Forwarded: for=\"[2001:db8::1]:4711\""},
            new String[] {"X-Forwarded-For: 203.0.113.9"},
            new String[] {"X-Forwarded-For: 198.51.100.1, 203.0.113.9", "X-Forwarded-For: 203.0.113.10"},
            new String[] {"X-Real-IP: 203.0.113.9"},
            new String[] {"Forwarded: for=203.0.113.9", "X-Forwarded-For: 203.0.113.9", "X-Real-IP: 203.0.113.9"});

    private static Process haproxy;
    private static int port;
    private static Path dir;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war("trusted.proxies=127[.]0[.]0[.]1");
    }

    @BeforeAll
    static void startHaproxy() throws IOException {
        dir = Files.createTempDirectory("haproxy-it");
        port = TestPorts.free();
        var builder = new ProcessBuilder(
                        "haproxy",
                        "-db",
                        "-f",
                        Path.of("bench/haproxy.cfg").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile());
        var env = builder.environment();
        env.put("CLUSTER_DIR", dir.toString());
        env.put("LB_PORT", String.valueOf(port));
        for (var server : new String[] {"S1_PORT", "S2_PORT", "S3_PORT"}) {
            env.put(server, TestPorts.http());
        }
        haproxy = builder.start();
    }

    @AfterAll
    static void stopHaproxy() {
        if (haproxy != null) {
            haproxy.destroy();
        }
    }

    private static RawHttp.Reply throughHaproxy(String key, String... forged) throws IOException {
        var lines = new String[forged.length + 1];
        lines[0] = "Authorization: Bearer " + key;
        System.arraycopy(forged, 0, lines, 1, forged.length);
        return RawHttp.sendTo(CLIENT, "127.0.0.1", port, "GET", "/v4/user/me", null, lines);
    }

    @Test
    void aClientBehindTheShippedHaproxyCannotChooseItsAddress() throws IOException {
        awaitHaproxyReady();
        var tenant = Tenant.create();
        var fenced = Api.post("/v4/api-key", "{\"expiresInDays\": 1, \"allowedIps\": [\"203.0.113.0/24\"]}")
                .bearer(tenant.ownerToken())
                .send()
                .string("key");
        for (var forged : FORGERIES) {
            var reply = throughHaproxy(fenced, forged);
            assertEquals(403, reply.status(), String.join(" | ", forged) + ": " + reply);
            assertEquals("application/json", reply.header("Content-Type"));
            assertEquals(
                    "{\"statusCode\":403,\"message\":\"" + AllowlistIT.NOT_ALLOWED + "\",\"error\":\"Forbidden\"}",
                    reply.body());
        }

        // the address HAProxy saw is the one the allowlist, the last use and the audit see
        var own = Api.post("/v4/api-key", "{\"expiresInDays\": 1, \"allowedIps\": [\"" + CLIENT + "/32\"]}")
                .bearer(tenant.ownerToken())
                .send()
                .string("key");
        for (var forged : FORGERIES) {
            var reply = throughHaproxy(own, forged);
            assertEquals(200, reply.status(), String.join(" | ", forged) + ": " + reply);
        }
        var listed = Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> own.contains(o.getString("id")))
                .findFirst()
                .orElseThrow();
        assertEquals(CLIENT, listed.getString("lastUsedIp"), listed::toString);
    }

    /**
     * Were a proxy to pass the client's headers on, the servers' own rule still holds: the right-most untrusted entry.
     */
    @Test
    void aTrustedProxyThatPassesForgeriesOnStillCannotBeFooled() throws IOException {
        var tenant = Tenant.create();
        var fenced = Api.post("/v4/api-key", "{\"expiresInDays\": 1, \"allowedIps\": [\"203.0.113.0/24\"]}")
                .bearer(tenant.ownerToken())
                .send()
                .string("key");
        // from 127.0.0.1 (trusted), as a proxy that appends the client's address and strips nothing
        var reply = RawHttp.send(
                "127.0.0.1",
                "GET",
                "/v4/user/me",
                null,
                "Authorization: Bearer " + fenced,
                "Forwarded: for=203.0.113.9",
                "X-Real-IP: 203.0.113.9",
                "X-Forwarded-For: 203.0.113.9, " + CLIENT);
        assertEquals(403, reply.status(), reply::toString);
        // and a client that speaks to the server directly is its own address
        reply = RawHttp.send(
                CLIENT, "GET", "/v4/user/me", null, "Authorization: Bearer " + fenced, "X-Forwarded-For: 203.0.113.9");
        assertEquals(403, reply.status(), reply::toString);
        // the proxy's own report is honoured
        reply = RawHttp.send(
                "127.0.0.1",
                "GET",
                "/v4/user/me",
                null,
                "Authorization: Bearer " + fenced,
                "X-Forwarded-For: 198.51.100.1, 203.0.113.9");
        assertEquals(200, reply.status(), reply::toString);
    }

    private static void awaitHaproxyReady() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            assertTrue(haproxy.isAlive(), () -> "haproxy exited: " + log());
            try {
                if (RawHttp.sendTo(CLIENT, "127.0.0.1", port, "GET", "/health/ready", null)
                                .status()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertTrue(System.nanoTime() < deadline, () -> "haproxy never answered 200: " + log());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    private static String log() {
        try {
            return Files.readString(dir.resolve("haproxy.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
