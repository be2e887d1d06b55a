package com.meetergo.apiauth.infrastructure.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts events per key (a client address, a key id) in fixed windows that start with a key's first event. Memory is
 * bounded whatever the number of keys: the least recently used go first.
 */
public final class FixedWindows {

    private static final int MAX_KEYS = 100_000;

    private final int limit;
    private final Duration length;
    private final Cache<String, Window> windows;

    public FixedWindows(int limit, Duration length) {
        this.limit = limit;
        this.length = length;
        this.windows = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterWrite(length)
                .build();
    }

    /** Counts one more event for {@code key}; over the limit, the seconds until its window ends, else 0. */
    public long count(String key) {
        var window = windows.get(key, k -> new Window(System.nanoTime(), new AtomicInteger()));
        if (window.events().incrementAndGet() <= limit) {
            return 0;
        }
        long left = length.toNanos() - (System.nanoTime() - window.startedNanos());
        return Math.max(1, Duration.ofNanos(left).toSeconds() + 1);
    }

    /** Without counting: the seconds until {@code key}'s window ends if it is over the limit already, else 0. */
    public long peek(String key) {
        var window = windows.getIfPresent(key);
        if (window == null || window.events().get() <= limit) {
            return 0;
        }
        long left = length.toNanos() - (System.nanoTime() - window.startedNanos());
        return left <= 0 ? 0 : Math.max(1, Duration.ofNanos(left).toSeconds() + 1);
    }

    private record Window(long startedNanos, AtomicInteger events) {}
}
