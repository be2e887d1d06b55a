package com.meetergo.apiauth.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.usage.Networks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * This server's served requests per credential and client network ({@link Networks}), counted in memory like
 * {@link UsageCounts} and drained with them into the sources table: no database work per request. Each entry remembers
 * the first request of the current interval (when, and from which address: what a new-network audit event names) and
 * the last.
 *
 * <p>Bounded: at most {@link #MAX_ENTRIES} entries (a client spraying addresses with a valid credential fills it;
 * beyond, new networks go uncounted until the next drain frees the idle ones, while the usage figures still count every
 * request); an entry idle for an hour leaves.
 */
@ApplicationScoped
public class SourceCounts {

    static final int MAX_ENTRIES = 100_000;

    private static final long IDLE_MILLIS = 3_600_000L;

    @Inject
    Clock clock;

    /** Address to network: the parse happens once per client address, not per request. */
    private final Cache<String, Optional<String>> networks =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private final ConcurrentHashMap<Key, Seen> seen = new ConcurrentHashMap<>();

    private record Key(String credentialId, String network) {}

    private static final class Seen {
        final String companyId;
        final CredentialType type;
        final LongAdder requests = new LongAdder();
        /** Millis of the interval's first request; 0 before it. */
        final AtomicLong intervalStart = new AtomicLong();

        volatile String intervalAddress;
        volatile long lastAt;

        Seen(String companyId, CredentialType type) {
            this.companyId = companyId;
            this.type = type;
        }
    }

    /** One credential's requests from one network since the last drain. */
    public record Drained(
            String credentialId,
            String companyId,
            CredentialType type,
            String network,
            Instant firstAt,
            String firstAddress,
            Instant lastAt,
            long requests) {}

    /** A request {@code caller} was served, from {@code clientAddress}. */
    void served(Caller caller, String clientAddress) {
        if (clientAddress == null) {
            return;
        }
        var network = networks.get(clientAddress, Networks::of).orElse(null);
        if (network == null) {
            return;
        }
        var key = new Key(caller.credentialId(), network);
        var entry = seen.get(key);
        if (entry == null) {
            if (seen.size() >= MAX_ENTRIES) {
                return;
            }
            entry = seen.computeIfAbsent(key, k -> new Seen(caller.companyId(), caller.credentialType()));
        }
        long now = clock.millis();
        if (entry.intervalStart.get() == 0 && entry.intervalStart.compareAndSet(0, now)) {
            entry.intervalAddress = clientAddress;
        }
        entry.lastAt = now;
        entry.requests.increment();
    }

    /** Takes what was counted since the last drain; entries idle for an hour leave. */
    public List<Drained> drain() {
        long now = clock.millis();
        var drained = new ArrayList<Drained>();
        for (var e : seen.entrySet()) {
            var s = e.getValue();
            long start = s.intervalStart.getAndSet(0);
            var address = s.intervalAddress;
            long requests = s.requests.sumThenReset();
            long last = s.lastAt;
            if (requests > 0) {
                long first = start != 0 ? start : last;
                drained.add(new Drained(
                        e.getKey().credentialId(),
                        s.companyId,
                        s.type,
                        e.getKey().network(),
                        Instant.ofEpochMilli(first),
                        address,
                        Instant.ofEpochMilli(Math.max(first, last)),
                        requests));
            } else if (now - last > IDLE_MILLIS && seen.remove(e.getKey(), s)) {
                // a request that took the entry just before it left is counted into the next one
                long late = s.requests.sumThenReset();
                if (late > 0) {
                    restore(List.of(new Drained(
                            e.getKey().credentialId(),
                            s.companyId,
                            s.type,
                            e.getKey().network(),
                            Instant.ofEpochMilli(last),
                            address,
                            Instant.ofEpochMilli(last),
                            late)));
                }
            }
        }
        return drained;
    }

    /** Puts counts back that could not be stored: they go with the next drain. */
    public void restore(List<Drained> unstored) {
        for (var d : unstored) {
            var s = seen.computeIfAbsent(
                    new Key(d.credentialId(), d.network()), k -> new Seen(d.companyId(), d.type()));
            if (s.intervalStart.compareAndSet(0, d.firstAt().toEpochMilli())) {
                s.intervalAddress = d.firstAddress();
            }
            s.lastAt = Math.max(s.lastAt, d.lastAt().toEpochMilli());
            s.requests.add(d.requests());
        }
    }
}
