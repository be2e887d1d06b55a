package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.credential.CredentialSweepRepository;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the stored state of credentials in step with time: moves credentials past their expiry to EXPIRED and those
 * past their rotation grace period to REVOKED (one audit event each), records one expiring_soon event when a credential
 * enters the warning window (7 days) and one more a day ahead, and erases the digests of credentials that ended more
 * than the retention period ago, and deletes usage figures older than theirs. Set-based, in bounded batches of one
 * transaction each; idempotent, and run by one server at a time (a claim on sweep_state). Validation never depends on
 * it: every request checks the times itself.
 */
@ApplicationScoped
public class CredentialSweep {

    private static final Logger LOG = Logger.getLogger(CredentialSweep.class.getName());

    @Inject
    SweepBatches batches;

    @Inject
    CredentialSweepRepository sweep;

    @Inject
    UsageLedger ledger;

    @Inject
    SourceLedger sources;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "apiauth.sweep.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "apiauth.sweep.period", defaultValue = "PT5M")
    Duration period;

    @Inject
    @ConfigProperty(name = "apiauth.sweep.batch-size", defaultValue = "2000")
    int batchSize;

    @Inject
    @ConfigProperty(name = "apiauth.expiry-warning", defaultValue = "P7D")
    Duration warning;

    @Inject
    @ConfigProperty(name = "apiauth.expiry-last-warning", defaultValue = "P1D")
    Duration lastWarning;

    @Inject
    @ConfigProperty(name = "apiauth.digest-retention", defaultValue = "P30D")
    Duration retention;

    /** What the timer calls: runs when a period has passed since the last run of any server. */
    public Result runIfDue() {
        return enabled && batches.claim(clock.instant(), period) ? run() : Result.NOTHING;
    }

    /** Runs now, whatever the period (tests, operators). */
    public Result run() {
        var now = clock.instant();
        long started = System.nanoTime();
        var result = Result.NOTHING;
        for (var type : CredentialType.values()) {
            result = result.plus(new Result(
                    drain(() -> batches.expire(type, now, batchSize)),
                    drain(() -> batches.endGrace(type, now, batchSize)),
                    drain(() -> batches.warnLast(type, now, lastWarning, batchSize))
                            + drain(() -> batches.warn(type, now, warning, batchSize)),
                    drain(() -> batches.erase(type, now.minus(retention), now, batchSize))));
        }
        int pruned = ledger.prune();
        if (pruned > 0) {
            LOG.info(() -> "Usage figures: " + pruned + " credential-days older than the retention deleted");
        }
        int gone = sources.prune();
        if (gone > 0) {
            LOG.info(() -> "Sources: " + gone + " networks last seen before the retention deleted");
        }
        if (!result.equals(Result.NOTHING)) {
            var done = result;
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.info(() -> "Credential sweep: " + done + " in " + millis + " ms");
        }
        return result;
    }

    /** Runs one kind of batch until a batch comes back short. */
    private int drain(IntSupplier batch) {
        int total = 0;
        int done;
        do {
            done = batch.getAsInt();
            total += done;
        } while (done == batchSize);
        return total;
    }

    /** How many credentials each step changed. */
    public record Result(int expired, int graceEnded, int warned, int erased) {

        static final Result NOTHING = new Result(0, 0, 0, 0);

        Result plus(Result other) {
            return new Result(
                    expired + other.expired,
                    graceEnded + other.graceEnded,
                    warned + other.warned,
                    erased + other.erased);
        }
    }
}
