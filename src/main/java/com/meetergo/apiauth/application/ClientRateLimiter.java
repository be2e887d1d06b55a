package com.meetergo.apiauth.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-address limits for endpoints that need no credential: at most {@code limit} calls per
 * window from one client address (the connection's, never a header the client writes). Memory is
 * bounded whatever the number of addresses.
 */
@ApplicationScoped
public class ClientRateLimiter {

    @Inject
    @ConfigProperty(name = "apiauth.credential-revocation.limit", defaultValue = "10")
    int limit;

    @Inject
    @ConfigProperty(name = "apiauth.credential-revocation.window", defaultValue = "PT1M")
    Duration window;

    private Cache<String, Window> windows;

    @PostConstruct
    void init() {
        windows = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(window).build();
    }

    /** Counts the call; throws when the address has used up its window. */
    public void acquire(String clientAddress) {
        var current = windows.get(clientAddress, a -> new Window(System.nanoTime()));
        if (current.calls.incrementAndGet() > limit) {
            long left = window.toNanos() - (System.nanoTime() - current.startedNanos);
            throw new TooManyRequestsException(Math.max(1, Duration.ofNanos(left).toSeconds() + 1));
        }
    }

    private record Window(long startedNanos, AtomicInteger calls) {

        Window(long startedNanos) {
            this(startedNanos, new AtomicInteger());
        }
    }
}
