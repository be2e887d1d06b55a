package com.meetergo.apiauth.security;

import com.meetergo.apiauth.infrastructure.ratelimit.ClientNetwork;
import com.meetergo.apiauth.infrastructure.ratelimit.FixedWindows;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down guessing: counts failed attempts per API key id and per client address. Once an address is over its limit,
 * every request from it that carries a credential is answered 429 before any lookup (no digest, no database read: a
 * guess costs the guesser, not the server) until its window ends; once a key id is over its limit, further failures for
 * it are answered 429 instead of 401, and the holder of that key's right secret is never locked out.
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

    @Inject
    VerificationCache cache;

    private FixedWindows byKey;
    private FixedWindows byAddress;

    @PostConstruct
    void init() {
        byKey = new FixedWindows(perKeyLimit, perKeyWindow);
        byAddress = new FixedWindows(perAddressLimit, perAddressWindow);
    }

    /**
     * Counts a failure; returns the seconds to wait when this key id or address is now over its limit. Only ids of keys
     * that exist get a counter of their own (a flood of made-up ids must not push the counters of real keys out of the
     * bounded table); every failure counts against the client's network (an IPv6 client by its /64).
     */
    /** The seconds to wait when {@code address} is over its limit already (counts nothing). */
    public OptionalLong throttled(String address) {
        long wait = byAddress.peek(ClientNetwork.of(address));
        return wait > 0 ? OptionalLong.of(wait) : OptionalLong.empty();
    }

    public OptionalLong failed(String keyIdOrNull, String address) {
        long wait = keyIdOrNull == null || cache.apiKey(keyIdOrNull).isEmpty() ? 0 : byKey.count(keyIdOrNull);
        wait = Math.max(wait, byAddress.count(ClientNetwork.of(address)));
        return wait > 0 ? OptionalLong.of(wait) : OptionalLong.empty();
    }
}
