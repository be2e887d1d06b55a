package com.meetergo.apiauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Races: a key in heavy use is revoked; many keys are created at once. */
class RevocationRaceIT extends ApiTest {

    private record Attempt(long sentNanos, int status) {}

    /** Waits, at most 60 s, until the workers have made {@code count} attempts. */
    private static void awaitAttempts(ConcurrentLinkedQueue<Attempt> attempts, int count, List<Future<Void>> workers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (attempts.size() < count) {
            assertTrue(System.nanoTime() < deadline, "only " + attempts.size() + " of " + count + " attempts in 60 s");
            for (var worker : workers) {
                assertFalse(worker.isDone(), "a worker stopped early");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @Test
    void noRequestSentAfterTheRevocationCommittedIsAccepted() throws Exception {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var attempts = new ConcurrentLinkedQueue<Attempt>();
        long committed;
        var stop = new AtomicBoolean();
        var pool = Executors.newFixedThreadPool(50);
        var workers = new ArrayList<Future<Void>>();
        try {
            for (int t = 0; t < 50; t++) {
                workers.add(pool.submit(() -> {
                    while (!stop.get()) {
                        long sent = System.nanoTime();
                        attempts.add(new Attempt(
                                sent, Api.get("/v4/user/me").bearer(key).send().status()));
                    }
                    return null;
                }));
            }
            awaitAttempts(attempts, 200, workers);
            var revoke = Api.delete("/v4/api-key/" + key.split(":")[1])
                    .bearer(tenant.ownerToken())
                    .send();
            // The answer comes after the commit: every request sent from now on must be refused.
            committed = System.nanoTime();
            assertEquals(204, revoke.status(), revoke::toString);
            awaitAttempts(attempts, attempts.size() + 500, workers);
        } finally {
            stop.set(true);
            pool.shutdown();
        }
        for (var worker : workers) {
            worker.get(30, TimeUnit.SECONDS); // a worker's exception (a failed request) fails the test here
        }
        long revokedAt = committed;
        var accepted = attempts.stream().filter(a -> a.status() == 200).count();
        var lateAccepted = attempts.stream()
                .filter(a -> a.status() == 200 && a.sentNanos() > revokedAt)
                .count();
        var statuses = attempts.stream().collect(Collectors.groupingBy(Attempt::status, Collectors.counting()));
        assertTrue(accepted > 0, statuses::toString);
        assertEquals(0, lateAccepted, statuses::toString);
        assertTrue(attempts.stream().filter(a -> a.sentNanos() > revokedAt).count() >= 500, statuses::toString);
        // Refused after the revocation: 401 only. The revoked key's right secret is no guess and is not
        // counted (decisions: "Guessing"), so no 429 however many requests follow.
        assertEquals(Set.of(200, 401), statuses.keySet(), statuses::toString);
        System.out.println("revocation race: " + attempts.size() + " requests by 50 threads, " + accepted
                + " accepted before the revocation committed, 0 after; answers " + statuses);
    }

    @Test
    void concurrentKeyCreationLosesNoneAndDuplicatesNone() throws Exception {
        var tenant = Tenant.create();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(20);
        var ids = new ArrayList<Future<String>>();
        try {
            for (int i = 0; i < 20; i++) {
                ids.add(pool.submit(() -> {
                    start.await();
                    var answer = Api.post("/v4/api-key", "{\"expiresInDays\": 5}")
                            .bearer(tenant.ownerToken())
                            .send();
                    assertEquals(201, answer.status(), answer::toString);
                    return answer.string("id");
                }));
            }
            start.countDown();
            var created = new HashSet<String>();
            for (var id : ids) {
                created.add(id.get());
            }
            assertEquals(20, created.size());
            var listed = Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array().stream()
                    .map(v -> v.asJsonObject().getString("id"))
                    .toList();
            assertEquals(created, new HashSet<>(listed));
            assertEquals(20, listed.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
