package com.meetergo.apiauth.hostile;

import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.contract.AllowlistIT;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ExtraServer;
import com.meetergo.apiauth.support.ExtraServerTest;
import com.meetergo.apiauth.support.Tenant;
import com.meetergo.apiauth.support.TestPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Behind a proxy the operator names (trusted.proxies, here the loopback addresses this test speaks from), the client
 * address the proxy reports is the one recorded — in the last use and by the allowlist; the access log keeps the
 * connection's peer (PostgreSQL run only: another server of the shipped WAR on the same database).
 */
@EnabledIfSystemProperty(named = "db.kind", matches = "postgresql")
class TrustedProxyIT extends ExtraServerTest {

    @Test
    void aNamedProxysClientAddressIsHonoured() throws Exception {
        int port = TestPorts.free();
        var server = ExtraServer.of(
                serverDir,
                "apiAuthBehindProxy",
                port,
                TestPorts.free(),
                "EJBTIMERP_",
                "-Dtrusted.proxies=127[.]0[.]0[.]1|0:0:0:0:0:0:0:1|::1");
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        try {
            server.start();
            var answer = Api.get("/v4/user/me")
                    .on("http://localhost:" + port)
                    .bearer(key)
                    .header("X-Forwarded-For", "203.0.113.7")
                    .send();
            assertStatus(answer, 200);
            var listed = Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array().stream()
                    .map(v -> v.asJsonObject())
                    .filter(o -> key.contains(o.getString("id")))
                    .findFirst()
                    .orElseThrow();
            assertEquals("203.0.113.7", listed.getString("lastUsedIp"), listed::toString);
            // the access log names the connection's peer, the proxy: the client's address is the application's record
            var log = Path.of(serverDir).getParent().resolve("apiAuthBehindProxy/logs/http_access.log");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline
                    && !(Files.exists(log) && Files.readString(log).contains("\"GET /v4/user/me\" 200"))) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
            assertTrue(Files.readString(log).contains("\"GET /v4/user/me\" 200"), "the request is in the access log");
            assertFalse(Files.readString(log).contains("203.0.113.7"), "the access log records the peer");

            // the allowlist sees the same address: a key fenced to the client's network works through
            // the proxy, and is refused for a client the proxy reports from elsewhere
            var fenced = Api.post("/v4/api-key", "{\"expiresInDays\": 1, \"allowedIps\": [\"203.0.113.0/24\"]}")
                    .bearer(tenant.ownerToken())
                    .send()
                    .string("key");
            assertStatus(
                    Api.get("/v4/user/me")
                            .on("http://localhost:" + port)
                            .bearer(fenced)
                            .header("X-Forwarded-For", "203.0.113.7")
                            .send(),
                    200);
            assertError(
                    Api.get("/v4/user/me")
                            .on("http://localhost:" + port)
                            .bearer(fenced)
                            .header("X-Forwarded-For", "198.51.100.7")
                            .send(),
                    403,
                    "Forbidden",
                    AllowlistIT.NOT_ALLOWED);
            assertError(
                    Api.get("/v4/user/me")
                            .on("http://localhost:" + port)
                            .bearer(fenced)
                            .send(),
                    403,
                    "Forbidden",
                    AllowlistIT.NOT_ALLOWED);
        } finally {
            server.kill();
        }
    }
}
