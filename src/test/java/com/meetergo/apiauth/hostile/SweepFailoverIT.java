package com.meetergo.apiauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.application.CredentialSweep;
import com.meetergo.apiauth.support.ExtraServer;
import com.meetergo.apiauth.support.ExtraServerTest;
import com.meetergo.apiauth.support.Tenant;
import com.meetergo.apiauth.support.TestPorts;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A sweep cut short by a killed server is completed by another, and every credential expires exactly once (PostgreSQL
 * run only). A third server is made from the second one's directory with the sweep on, timer tables of its own and a
 * one-day period, so that it sweeps only when this test clears the last run; it is killed with SIGKILL in the middle of
 * 100,000 expired credentials, and the test server's sweep finishes the job.
 */
// Evaluated in the build's JVM and again in the server's (the PostgreSQL run passes db.kind to both):
// an assumption failing inside the container would be reported as an error, not a skip.
@EnabledIfSystemProperty(named = "db.kind", matches = "postgresql")
class SweepFailoverIT extends ExtraServerTest {

    private static final int SEEDED = 100_000;

    @Inject
    CredentialSweep sweep;

    @Resource(lookup = "jdbc/apiauth")
    DataSource database;

    private long count(String sql, Object... parameters) throws SQLException {
        try (var c = database.getConnection();
                var s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void sql(String sql, Object... parameters) throws SQLException {
        try (var c = database.getConnection();
                var s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    @Test
    void aSweepCutShortBySigkillIsCompletedByAnotherServerAndExpiresEachCredentialOnce() throws Exception {
        // The second server's directory with the sweep on, its own timer tables and port, and a
        // one-day period: it sweeps only once this test clears the last run.
        var third = ExtraServer.of(
                serverDir,
                "apiAuthSweeperPg",
                TestPorts.free(),
                TestPorts.free(),
                "EJBTIMER3_",
                "-Dapiauth.sweep.enabled=true",
                "-Dapiauth.sweep.period=P1D");

        var tenant = Tenant.create();
        var name = "seed-" + tenant.companyId().substring(0, 8);
        sql(
                "insert into api_key (id, company_id, name, secret_digest, hint, created_by, created_at, expires_at, status,"
                        + " authority) select gen_random_uuid()::text, ?, ?, md5(random()::text) || md5(random()::text),"
                        + " 'ak_live:seed', ?, now() - interval '31 days', now() - interval '1 minute', 'ACTIVE', 'OWNER'"
                        + " from generate_series(1, ?)",
                tenant.companyId(),
                name,
                tenant.ownerId(),
                SEEDED);

        try {
            third.start();
            // Its first tick claims the sweep: the last run is cleared.
            sql("update sweep_state set last_run_at = null where id = 1");

            String expiredSql = "select count(*) from api_key where company_id = ? and status = 'EXPIRED'";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (count(expiredSql, tenant.companyId()) == 0) {
                assertTrue(System.nanoTime() < deadline, "the third server never started sweeping");
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            third.kill();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            long byTheKilled = count(expiredSql, tenant.companyId());
            System.out.println("[sweep-failover] the killed server had expired " + byTheKilled + " of " + SEEDED);
            assertTrue(byTheKilled > 0 && byTheKilled < SEEDED, "killed in the middle: " + byTheKilled);

            long started = System.nanoTime();
            var finished = sweep.run();
            long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            System.out.println("[sweep-failover] the test server's sweep expired the other " + finished.expired()
                    + " in " + millis + " ms: " + finished.expired() * 1000L / millis + " credentials/s");
            assertEquals(SEEDED, count(expiredSql, tenant.companyId()), "every seeded credential expired");
            assertEquals(
                    SEEDED,
                    count(
                            "select count(*) from audit_event where company_id = ? and type = 'EXPIRED'",
                            tenant.companyId()),
                    "one event per credential");
            assertEquals(
                    0,
                    count(
                            "select count(*) from (select credential_id from audit_event where company_id = ?"
                                    + " and type = 'EXPIRED' group by credential_id having count(*) > 1) twice",
                            tenant.companyId()),
                    "no credential expired twice");
            assertTrue(finished.expired() >= SEEDED - byTheKilled, "the survivor did what was left");
        } finally {
            third.kill();
        }
    }
}
