package com.meetergo.apiauth.hostile;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ExtraServer;
import com.meetergo.apiauth.support.ExtraServerTest;
import com.meetergo.apiauth.support.Tenant;
import com.meetergo.apiauth.support.TestPorts;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What a server loses of its usage counts (PostgreSQL run only: another server on the same database): a server flushing
 * every 2 s serves a key for 7 s and gets SIGKILL — the stored figure misses at most the requests of its last interval
 * (plus a flush in progress); a server flushing hourly that is stopped cleanly flushes at the stop — nothing lost.
 */
@EnabledIfSystemProperty(named = "db.kind", matches = "postgresql")
class UsageLossIT extends ExtraServerTest {

    private static final long INTERVAL_MILLIS = 2000;

    @Test
    void aKilledServerLosesAtMostItsLastInterval() throws Exception {
        int port = TestPorts.free();
        var server = ExtraServer.of(
                serverDir,
                "apiAuthUsageKill",
                port,
                TestPorts.free(),
                "EJBTIMERU_",
                "-Dapiauth.usage.flush-interval=PT" + INTERVAL_MILLIS / 1000 + "S");
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var id = key.split(":")[1];
        try {
            server.start();
            var other = "http://localhost:" + port;
            var answeredAt = new ArrayList<Long>();
            long start = System.nanoTime();
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(7)) {
                assertStatus(Api.get("/v4/user/me").on(other).bearer(key).send(), 200);
                answeredAt.add(System.nanoTime());
            }
            server.kill();
            long killed = System.nanoTime();
            // nothing of the dead server's can arrive any more; this server counted none of the key's
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            var days = Api.get("/v4/api-key/" + id + "/usage?days=1")
                    .bearer(tenant.ownerToken())
                    .send()
                    .object()
                    .getJsonArray("days");
            long stored = days.getJsonObject(0).getJsonNumber("success").longValue();
            long sent = answeredAt.size();
            long lost = sent - stored;
            long window = TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS + 1000);
            long lastInterval =
                    answeredAt.stream().filter(t -> killed - t <= window).count();
            System.out.println("[usage-loss] " + sent + " requests served, " + stored + " stored, " + lost
                    + " lost at SIGKILL; " + lastInterval + " were served in the last interval (2 s) + 1 s");
            assertTrue(lost >= 0, "more stored than served: " + stored + " > " + sent);
            assertTrue(stored > 0, "the flushes before the kill stored nothing");
            assertTrue(lost <= lastInterval, lost + " lost, more than the last interval's " + lastInterval);
        } finally {
            server.kill();
        }
    }

    /** A server stopped the way an operator stops it flushes what it counted: nothing lost. */
    @Test
    void aStoppedServerLosesNothing() throws Exception {
        int port = TestPorts.free();
        var server = ExtraServer.of(
                serverDir,
                "apiAuthUsageStop",
                port,
                TestPorts.free(),
                "EJBTIMERV_",
                "-Dapiauth.usage.flush-interval=PT1H");
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var id = key.split(":")[1];
        try {
            server.start();
            var other = "http://localhost:" + port;
            for (int i = 0; i < 25; i++) {
                assertStatus(Api.get("/v4/user/me").on(other).bearer(key).send(), 200);
            }
            server.stop();
            var days = Api.get("/v4/api-key/" + id + "/usage?days=1")
                    .bearer(tenant.ownerToken())
                    .send()
                    .object()
                    .getJsonArray("days");
            long stored = days.getJsonObject(0).getJsonNumber("success").longValue();
            System.out.println("[usage-loss] 25 requests served by a server that flushes hourly, then stopped: "
                    + stored + " stored");
            assertTrue(stored == 25, stored + " stored of 25: the stop did not flush");
        } finally {
            server.kill();
        }
    }
}
