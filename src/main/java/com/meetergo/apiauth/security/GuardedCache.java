package com.meetergo.apiauth.security;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A Caffeine cache whose fills cannot outlive an invalidation: a value read from the database before a revocation
 * committed, and put after the revocation's invalidation ran, would bring "active" back. Each invalidation first counts
 * itself, then removes; each fill first puts, then removes its own value again if any invalidation was counted since it
 * started reading. Whatever the interleaving, a fill that overlapped an invalidation leaves nothing behind.
 */
final class GuardedCache<K, V> {

    private final Cache<K, V> cache;

    private final AtomicLong invalidations;

    GuardedCache(Cache<K, V> cache, AtomicLong invalidations) {
        this.cache = cache;
        this.invalidations = invalidations;
    }

    Optional<V> get(K key, Function<K, Optional<V>> loader) {
        var hit = cache.getIfPresent(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        long before = invalidations.get();
        var loaded = loader.apply(key);
        loaded.ifPresent(value -> {
            cache.put(key, value);
            if (invalidations.get() != before) {
                cache.invalidate(key);
            }
        });
        return loaded;
    }

    /** The value of {@code key} if cached; never reads anything. */
    Optional<V> peek(K key) {
        return Optional.ofNullable(cache.getIfPresent(key));
    }

    /**
     * How many invalidations have run: read it before a database read, hand it to {@link #putUnlessInvalidatedSince}.
     */
    long invalidationCount() {
        return invalidations.get();
    }

    /** Puts a value read after {@code before} was taken, unless an invalidation ran since (as {@link #get} does). */
    void putUnlessInvalidatedSince(K key, V value, long before) {
        cache.put(key, value);
        if (invalidations.get() != before) {
            cache.invalidate(key);
        }
    }

    void invalidate(K key) {
        invalidations.incrementAndGet();
        cache.invalidate(key);
    }

    void invalidateIf(Predicate<V> stale) {
        invalidations.incrementAndGet();
        cache.asMap().values().removeIf(stale);
    }

    void invalidateAll() {
        invalidations.incrementAndGet();
        cache.invalidateAll();
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
