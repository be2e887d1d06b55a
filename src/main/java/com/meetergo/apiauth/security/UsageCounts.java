package com.meetergo.apiauth.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * This server's requests per credential and UTC day, counted in memory and drained every few seconds into the usage
 * table ({@code UsageLedger}, run by {@code UsageFlushTimer}): no database write per request. Counted where the outcome
 * is known: {@link #failed} by the API key store (a wrong secret for an existing key id), {@link #refused} by
 * {@link CredentialIdentityStore} (a proven credential it refuses: status, plan, allowlist) and
 * {@link UsageCountingFilter} (user header, scope, role), {@link #success} by that filter.
 *
 * <p>Bounded: an entry exists only for a credential that exists (the stores count nothing for an unknown id), per day,
 * and leaves a day after its day ended.
 */
@ApplicationScoped
public class UsageCounts {

    private static final long DAY_MILLIS = 86_400_000L;

    @Inject
    Clock clock;

    private final ConcurrentHashMap<Key, Counts> counts = new ConcurrentHashMap<>();

    private record Key(String credentialId, long epochDay) {}

    /** Three adders: {@link LongAdder#sumThenReset()} resets cell by cell, atomically, so a drain loses nothing. */
    private static final class Counts {
        final LongAdder success = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder failed = new LongAdder();
    }

    /** One credential's counts of one day, as drained. */
    public record Drained(String credentialId, LocalDate day, long success, long refused, long failed) {

        public boolean isEmpty() {
            return success == 0 && refused == 0 && failed == 0;
        }
    }

    void success(String credentialId) {
        of(credentialId).success.increment();
    }

    void refused(String credentialId) {
        of(credentialId).refused.increment();
    }

    void failed(String credentialId) {
        of(credentialId).failed.increment();
    }

    private Counts of(String credentialId) {
        var key = new Key(credentialId, Math.floorDiv(clock.millis(), DAY_MILLIS));
        var found = counts.get(key);
        return found != null ? found : counts.computeIfAbsent(key, k -> new Counts());
    }

    /**
     * Takes what was counted since the last drain, leaving zeros behind; the entries of days before today go once
     * empty. A request counted during the drain is in this drain or the next, never in both and never lost.
     */
    public List<Drained> drain() {
        long today = Math.floorDiv(clock.millis(), DAY_MILLIS);
        var drained = new ArrayList<Drained>();
        for (var entry : counts.entrySet()) {
            var key = entry.getKey();
            var c = entry.getValue();
            if (key.epochDay() < today - 1) {
                // Kept a day after its end, so that a request counted just before midnight is
                // drained, never counted into a removed entry; then removed.
                counts.remove(key);
            }
            var d = new Drained(
                    key.credentialId(),
                    LocalDate.ofEpochDay(key.epochDay()),
                    c.success.sumThenReset(),
                    c.refused.sumThenReset(),
                    c.failed.sumThenReset());
            if (!d.isEmpty()) {
                drained.add(d);
            }
        }
        return drained;
    }

    /** Puts counts back that could not be stored (the database was down): they go with the next drain. */
    public void restore(List<Drained> unstored) {
        for (var d : unstored) {
            var c = counts.computeIfAbsent(new Key(d.credentialId(), d.day().toEpochDay()), k -> new Counts());
            c.success.add(d.success());
            c.refused.add(d.refused());
            c.failed.add(d.failed());
        }
    }
}
