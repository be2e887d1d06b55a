package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.usage.NetworkSource;
import com.meetergo.apiauth.domain.model.usage.SourceRepository;
import com.meetergo.apiauth.security.SourceCounts;
import com.meetergo.apiauth.security.SourceCounts.Drained;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The networks credentials were used from: this server's in-memory counts ({@link SourceCounts}) added to the table
 * with the usage flush, and read back for the sources endpoints. A network a credential was not used from in the last
 * {@link #NEW_AFTER} — after its first day of use — is audited once as {@code credential.new_source}, by the one server
 * whose write finds it new (an insert, or a conditional update of a stale row: of two servers, one wins).
 */
@ApplicationScoped
public class SourceLedger {

    /** A new source is one "not seen in the last 30 days" (docs/usage.md). */
    public static final Duration NEW_AFTER = Duration.ofDays(30);

    private static final Logger LOG = Logger.getLogger(SourceLedger.class.getName());

    @Inject
    SourceCounts counts;

    @Inject
    UsageWriter writer;

    @Inject
    SourceRepository sources;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "apiauth.sources.max-per-credential", defaultValue = "100")
    int maxPerCredential;

    @Inject
    @ConfigProperty(name = "apiauth.usage.retention", defaultValue = "P400D")
    Duration retention;

    /** Adds what this server counted since the last flush; returns how many networks were written. */
    public synchronized int flush() {
        var drained = counts.drain();
        var unstored = new ArrayList<Drained>();
        for (var d : drained) {
            try {
                if (!writer.addSource(d, NEW_AFTER)) {
                    insert(d, unstored);
                }
            } catch (RuntimeException e) {
                unstored.add(d);
            }
        }
        if (!unstored.isEmpty()) {
            counts.restore(unstored);
            LOG.warning(() -> "Could not store the sources of " + unstored.size()
                    + " credential networks; kept for the next flush");
        }
        return drained.size() - unstored.size();
    }

    private void insert(Drained d, List<Drained> unstored) {
        try {
            writer.insertSource(d, maxPerCredential);
        } catch (RuntimeException inserted) {
            // another server inserted it first (and audited it): add to its row instead
            if (!writer.addSource(d, NEW_AFTER)) {
                unstored.add(d);
            }
        }
    }

    /** The credential's networks, the most recently seen first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NetworkSource> of(String credentialId) {
        return sources.ofCredential(credentialId);
    }

    /** Deletes the networks last seen before the retention (the sweep calls this). */
    @Transactional
    public int prune() {
        return sources.pruneBefore(clock.instant().minus(retention));
    }
}
