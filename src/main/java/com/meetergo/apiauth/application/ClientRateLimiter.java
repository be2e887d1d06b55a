package com.meetergo.apiauth.application;

import com.meetergo.apiauth.infrastructure.ratelimit.ClientNetwork;
import com.meetergo.apiauth.infrastructure.ratelimit.FixedWindows;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-address limits for endpoints that need no credential: at most {@code limit} calls per window from one client
 * address (the connection's, never a header the client writes; an IPv6 client by its /64).
 */
@ApplicationScoped
public class ClientRateLimiter {

    @Inject
    @ConfigProperty(name = "apiauth.credential-revocation.limit", defaultValue = "10")
    int limit;

    @Inject
    @ConfigProperty(name = "apiauth.credential-revocation.window", defaultValue = "PT1M")
    Duration window;

    private FixedWindows calls;

    @PostConstruct
    void init() {
        calls = new FixedWindows(limit, window);
    }

    /** Counts the call; throws when the address has used up its window. */
    public void acquire(String clientAddress) {
        long wait = calls.count(ClientNetwork.of(clientAddress));
        if (wait > 0) {
            throw new TooManyRequestsException(wait);
        }
    }
}
