package com.meetergo.apiauth.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.ExtraServer;
import com.meetergo.apiauth.support.ExtraServerTest;
import com.meetergo.apiauth.support.TestPorts;
import jakarta.annotation.Resource;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Liberty's own failover of the sweep's persistent timer (PostgreSQL run only): two more servers share a set of timer
 * tables, with server.xml's persistentExecutor missedTaskThreshold at its lowest (100 s). The server that created the
 * timer runs it every 10 s until it gets SIGKILL; then the timer's next run stops moving until the other server takes
 * it over and keeps it firing.
 */
@EnabledIfSystemProperty(named = "db.kind", matches = "postgresql")
class TimerFailoverIT extends ExtraServerTest {

    @Resource(lookup = "jdbc/apiauth")
    DataSource database;

    /** When the sweep's one timer in the shared tables fires next (epoch ms), null before it exists. */
    private Long nextRun() throws SQLException {
        try (var c = database.getConnection();
                var s = c.prepareStatement(
                        "select nextexec from ejbtimerf_task where iname like '%CredentialSweepTimer'");
                var rs = s.executeQuery()) {
            var next = rs.next() ? rs.getLong(1) : null;
            assertTrue(!rs.next(), "one sweep timer for both servers");
            return next;
        }
    }

    /** Waits until the timer's next run is after {@code millis}; returns when that was seen. */
    private long awaitNextRunAfter(long millis, int seconds, String what) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (var next = nextRun(); next == null || next <= millis; next = nextRun()) {
            assertTrue(System.nanoTime() < deadline, what + " within " + seconds + " s; next run: " + next);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        return System.currentTimeMillis();
    }

    @Test
    void whenTheServerRunningTheSweepTimerDiesAnotherServerKeepsItFiring() throws Exception {
        String[] options = {"-Dapiauth.sweep.enabled=true", "-Dapiauth.sweep.period=P1D"};
        var first = ExtraServer.of(
                        serverDir, "apiAuthTimerA", TestPorts.free(), TestPorts.free(), "EJBTIMERF_", options)
                .bootstrap("timer.missed.task.threshold=100s");
        var second = ExtraServer.of(
                        serverDir, "apiAuthTimerB", TestPorts.free(), TestPorts.free(), "EJBTIMERF_", options)
                .bootstrap("timer.missed.task.threshold=100s");
        try {
            first.start();
            // The first server creates the timer and runs it every 10 s.
            awaitNextRunAfter(System.currentTimeMillis() + 10_000, 60, "the timer fires on the first server");
            second.start();

            first.kill();
            long killed = System.currentTimeMillis();
            // Runs the dead server had claimed are missed; after the threshold (100 s) the second server
            // takes the timer over. A next run 10 s past the threshold means it ran after the kill on
            // the only live server.
            long firstRunAfter = awaitNextRunAfter(killed + 10_000, 240, "a run after the kill");
            awaitNextRunAfter(killed + 110_000, 240, "runs past the missed-task threshold");
            awaitNextRunAfter(nextRun(), 60, "the surviving server keeps firing it");
            System.out.println("[timer-failover] first run after the SIGKILL " + (firstRunAfter - killed) / 1000
                    + " s later, on the surviving server, which keeps firing it");
        } finally {
            first.kill();
            second.kill();
        }
    }
}
