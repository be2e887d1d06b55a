package com.meetergo.apiauth.hostile;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The main pool takes back connections that nobody gives back. Under heavy concurrent load Liberty 26.0.0.3 loses some
 * of them (docs/decisions.md: in use, no handle open, no thread, nothing uncommitted — reproduced with plain JDBC on a
 * non-transactional pool, so not api-auth's code); without help, a busy server runs out of connections for good. The
 * pool's maxInUseTime (test servers: 45 s, checked every 5 s; production: 2 minutes) aborts such a connection and frees
 * its place. Here three connections are taken on a thread no container watches and never closed — the same state as a
 * lost one — and the pool must get all three back by itself.
 */
class PoolRecoveryIT extends InContainerTest {

    private static final Pattern MANAGED =
            Pattern.compile("(?m)^connectionpool_managedConnections\\{datasource=\"jdbc_apiauth\"[^}]*} ([0-9.]+)$");

    private static final Pattern FREE =
            Pattern.compile("(?m)^connectionpool_freeConnections\\{datasource=\"jdbc_apiauth\"[^}]*} ([0-9.]+)$");

    /** Kept so that nothing closes them: not the garbage collector, not the test. */
    private static final List<Connection> ABANDONED = new ArrayList<>();

    @Deployment
    public static WebArchive deployment() {
        return war(NO_SWEEP);
    }

    @Resource(lookup = "jdbc/apiauth")
    DataSource database;

    /** Connections of jdbc/apiauth in use now, as /metrics tells an operator. */
    private static int inUse() {
        var text = Api.get("/metrics?scope=vendor").send().body();
        var managed = MANAGED.matcher(text);
        var free = FREE.matcher(text);
        assertTrue(managed.find() && free.find(), "connection pool metrics of jdbc/apiauth on /metrics");
        return (int) (Double.parseDouble(managed.group(1)) - Double.parseDouble(free.group(1)));
    }

    @Test
    void connectionsNobodyGivesBackReturnToThePool() throws Exception {
        int before = steadyInUse();
        // An unmanaged thread: no transaction, no request, no container to clean up after it.
        var leaker = new CompletableFuture<Void>();
        new Thread(
                        () -> {
                            try {
                                for (int i = 0; i < 3; i++) {
                                    var connection = database.getConnection();
                                    try (var s = connection.createStatement()) {
                                        s.execute("select 1");
                                    }
                                    ABANDONED.add(connection);
                                }
                                leaker.complete(null);
                            } catch (Exception e) {
                                leaker.completeExceptionally(e);
                            }
                        },
                        "pool-recovery-leaker")
                .start();
        leaker.get(30, TimeUnit.SECONDS);
        assertTrue(inUse() >= before + 3, "three connections left in use");

        long started = System.nanoTime();
        int after = awaitInUseAtMost(before, 120);
        System.out.println("[pool-recovery] 3 abandoned connections taken back after "
                + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s");
        assertTrue(after <= before);

        // The pool still serves.
        var tenant = Tenant.create();
        assertStatus(Api.get("/v4/user/me").bearer(tenant.ownerToken()).send(), 200);
        assertEquals(3, ABANDONED.size());
    }

    /**
     * The connections that stay in use (usually none): the least of five counts over a second. One count may include a
     * connection on its way back — a timer's, the change-notice poller's, or one the previous test left — and a CI run
     * once failed "three connections left in use" by counting one such connection before the three were taken.
     */
    private static int steadyInUse() {
        int least = Integer.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            least = Math.min(least, inUse());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        return least;
    }

    /** Polls /metrics until at most {@code limit} connections are in use; returns the count. */
    private static int awaitInUseAtMost(int limit, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int n = inUse(); ; n = inUse()) {
            if (n <= limit) {
                return n;
            }
            assertTrue(System.nanoTime() < deadline, n + " connections still in use after " + seconds + " s");
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
    }
}
