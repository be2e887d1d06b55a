package com.meetergo.apiauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A revocation racing a cache fill must not bring "active" back. */
class GuardedCacheTest {

    private final GuardedCache<String, String> cache =
            new GuardedCache<>(Caffeine.newBuilder().maximumSize(100).build(), new AtomicLong());

    @Test
    void aFillThatOverlapsAnInvalidationLeavesNothingBehind() {
        // The load reads "active" from the database; while it is in flight the revocation commits
        // and its invalidation runs; then the load returns and puts what it read.
        var answered = cache.get("key", k -> {
            cache.invalidate("key");
            return Optional.of("active (read before the revocation)");
        });
        assertEquals(Optional.of("active (read before the revocation)"), answered, "this request saw what it read");
        var reads = new AtomicInteger();
        var next = cache.get("key", k -> {
            reads.incrementAndGet();
            return Optional.of("revoked");
        });
        assertEquals(1, reads.get(), "the stale fill was not kept: the next request read the database");
        assertEquals(Optional.of("revoked"), next);
    }

    @Test
    void anInvalidationOfOtherEntriesAlsoVoidsTheFill() {
        cache.get("key", k -> {
            cache.invalidateIf(v -> false);
            return Optional.of("stale");
        });
        var reads = new AtomicInteger();
        cache.get("key", k -> {
            reads.incrementAndGet();
            return Optional.of("fresh");
        });
        assertEquals(1, reads.get());
    }

    @Test
    void withoutInvalidationsAFillIsKeptAndAbsentRowsAreNot() {
        var reads = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            cache.get("key", k -> {
                reads.incrementAndGet();
                return Optional.of("active");
            });
            cache.get("unknown", k -> {
                reads.incrementAndGet();
                return Optional.empty();
            });
        }
        assertEquals(1 + 5, reads.get(), "one read for the row, one per request for an id that does not exist");
        assertEquals(1, cache.size());
    }

    @Test
    void concurrentFillsAndRevocationsNeverLeaveAStaleEntry() throws InterruptedException {
        // The "database": a version that each revocation bumps before invalidating, as a commit
        // precedes its after-commit invalidation.
        var database = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        for (int t = 0; t < 6; t++) {
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < 20_000; i++) {
                    cache.get("key", k -> Optional.of("v" + database.get()));
                }
                return null;
            });
        }
        pool.submit(() -> {
            start.await();
            for (int i = 0; i < 2_000; i++) {
                database.incrementAndGet();
                cache.invalidate("key");
            }
            return null;
        });
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        var cached = cache.get("key", k -> Optional.of("v" + database.get()));
        assertEquals(Optional.of("v" + database.get()), cached, "what stays cached is the last committed state");
    }
}
