package com.meetergo.apiauth.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down guessing: counts failed attempts per API key id and per client address, and once
 * either is over its limit answers further failures with 429 instead of 401. Only failures are
 * ever refused: the holder of the right secret is never locked out. Memory is bounded whatever
 * the number of attackers (Caffeine, least recently used out).
 */
@ApplicationScoped
public class FailedAttemptThrottle {

    @Inject
    @ConfigProperty(name = "apiauth.throttle.key-failures", defaultValue = "100")
    int perKeyLimit;

    @Inject
    @ConfigProperty(name = "apiauth.throttle.key-window", defaultValue = "PT1H")
    Duration perKeyWindow;

    @Inject
    @ConfigProperty(name = "apiauth.throttle.address-failures", defaultValue = "50")
    int perAddressLimit;

    @Inject
    @ConfigProperty(name = "apiauth.throttle.address-window", defaultValue = "PT1M")
    Duration perAddressWindow;

    private Cache<String, Window> byKey;
    private Cache<String, Window> byAddress;

    @PostConstruct
    void init() {
        byKey = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(perKeyWindow).build();
        byAddress = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(perAddressWindow).build();
    }

    /** Counts a failure; returns the seconds to wait when this key id or address is now over its limit. */
    public OptionalLong failed(String keyIdOrNull, String address) {
        long wait = 0;
        if (keyIdOrNull != null) {
            wait = Math.max(wait, count(byKey, keyIdOrNull, perKeyLimit, perKeyWindow));
        }
        wait = Math.max(wait, count(byAddress, address, perAddressLimit, perAddressWindow));
        return wait > 0 ? OptionalLong.of(wait) : OptionalLong.empty();
    }

    private static long count(Cache<String, Window> windows, String key, int limit, Duration length) {
        var window = windows.get(key, k -> new Window(System.nanoTime(), new AtomicInteger()));
        if (window.failures().incrementAndGet() <= limit) {
            return 0;
        }
        long left = length.toNanos() - (System.nanoTime() - window.startedNanos());
        return Math.max(1, Duration.ofNanos(left).toSeconds() + 1);
    }

    private record Window(long startedNanos, AtomicInteger failures) {
    }
}
