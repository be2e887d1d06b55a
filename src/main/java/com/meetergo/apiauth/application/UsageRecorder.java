package com.meetergo.apiauth.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.security.ActingAsOwner;
import com.meetergo.apiauth.security.Caller;
import com.meetergo.apiauth.security.CredentialUsed;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records that a credential was used (last used time and address) and that an API key acted as a user (one audit event
 * per key, user and hour), without writing on every request: a bounded in-memory gate lets through at most one write
 * per credential per window, and the write itself is conditional, so several servers together still write about once
 * per window. A failure here never fails the request it records.
 */
@ApplicationScoped
public class UsageRecorder {

    private static final Logger LOG = Logger.getLogger(UsageRecorder.class.getName());

    @Inject
    @ConfigProperty(name = "apiauth.last-used.window", defaultValue = "PT1M")
    Duration window;

    @Inject
    UsageWriter writer;

    @Inject
    Clock clock;

    private Cache<Object, Instant> written;

    /** The gate's keys: records, not concatenated strings (no formatting on the request path). */
    private record LastUse(String credentialId) {}

    private record ActedAs(String credentialId, String userId, Instant hour) {}

    @PostConstruct
    void init() {
        written = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofHours(1).plus(window))
                .build();
    }

    void used(@Observes CredentialUsed event) {
        var caller = event.caller();
        var sourceIp = event.sourceIp();
        try {
            var now = clock.instant();
            if (due(new LastUse(caller.credentialId()), now, window)) {
                writer.lastUsed(caller.credentialType(), caller.credentialId(), now, sourceIp, now.minus(window));
            }
            // an API key without user header is recorded when it is let through as the owner (actedAsOwner)
            if (caller.credentialType() == CredentialType.API_KEY
                    && caller.userId() != null
                    && !caller.ownerByDefault()) {
                impersonation(caller, sourceIp, now);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record a use of {0}: {1}", new Object[] {
                caller.credentialId(), e.getClass().getName()
            });
        }
    }

    void actedAsOwner(@Observes ActingAsOwner event) {
        try {
            impersonation(event.caller(), event.sourceIp(), clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record a use of {0}: {1}", new Object[] {
                event.caller().credentialId(), e.getClass().getName()
            });
        }
    }

    /** One impersonation event per key, user and hour. */
    private void impersonation(Caller caller, String sourceIp, Instant now) {
        var hour = now.truncatedTo(ChronoUnit.HOURS);
        if (due(new ActedAs(caller.credentialId(), caller.userId(), hour), now, Duration.ofHours(1))) {
            writer.impersonation(caller, sourceIp, now, hour);
        }
    }

    /**
     * Whether this server has not written {@code key} within {@code period} before {@code now}; of concurrent requests,
     * exactly one is told yes (an atomic compute, not a read then a write: two first uses at once would both insert the
     * hourly impersonation event and one would fail).
     */
    private boolean due(Object key, Instant now, Duration period) {
        // The common case, a use within the window, only reads: no lock, no write to the cache.
        var last = written.getIfPresent(key);
        if (last != null && withinPeriod(last, now, period)) {
            return false;
        }
        var claimed = new boolean[1];
        written.asMap().compute(key, (k, before) -> {
            if (before != null && withinPeriod(before, now, period)) {
                return before;
            }
            claimed[0] = true;
            return now;
        });
        return claimed[0];
    }

    private static boolean withinPeriod(Instant written, Instant now, Duration period) {
        return now.isBefore(written.plus(period)) && !now.isBefore(written);
    }
}
