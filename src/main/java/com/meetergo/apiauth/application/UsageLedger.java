package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.usage.DailyUsage;
import com.meetergo.apiauth.domain.model.usage.UsageRepository;
import com.meetergo.apiauth.security.UsageCounts;
import com.meetergo.apiauth.security.UsageCounts.Drained;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Credentials' requests per UTC day: this server's in-memory counts ({@link UsageCounts}) added to the table every
 * {@code apiauth.usage.flush-interval} and at shutdown — {@code success = success + ?}, so that several servers add up
 * exactly — and read back for the usage endpoints. A server killed loses what it counted since its last flush, at most
 * one interval. Counts the database refused (it was down) are kept in memory for the next flush.
 */
@ApplicationScoped
public class UsageLedger {

    private static final Logger LOG = Logger.getLogger(UsageLedger.class.getName());

    @Inject
    UsageCounts counts;

    @Inject
    UsageWriter writer;

    @Inject
    UsageRepository usage;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "apiauth.usage.retention", defaultValue = "P400D")
    Duration retention;

    /** Adds what this server counted since the last flush; returns how many credential-days were written. */
    public synchronized int flush() {
        var drained = counts.drain();
        if (drained.isEmpty()) {
            return 0;
        }
        List<Drained> missing;
        try {
            missing = writer.addUsage(drained);
        } catch (RuntimeException e) {
            counts.restore(drained);
            LOG.log(
                    Level.WARNING,
                    "Could not store usage counts ({0} credential-days kept for the next flush): {1}",
                    new Object[] {drained.size(), e.getClass().getName()});
            return 0;
        }
        var unstored = new ArrayList<Drained>();
        for (var day : missing) {
            try {
                writer.insertUsage(day);
            } catch (RuntimeException inserted) {
                // another server inserted the day first: add to its row instead
                try {
                    if (!writer.addUsage(List.of(day)).isEmpty()) {
                        unstored.add(day);
                    }
                } catch (RuntimeException e) {
                    unstored.add(day);
                }
            }
        }
        if (!unstored.isEmpty()) {
            counts.restore(unstored);
            LOG.warning(() ->
                    "Could not store usage counts of " + unstored.size() + " credential-days; kept for the next flush");
        }
        return drained.size() - unstored.size();
    }

    /** The last {@code days} UTC days of a credential, oldest first, today included, every day present. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DailyUsage> lastDays(String credentialId, int days) {
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var from = today.minusDays(days - 1L);
        var stored = usage.between(credentialId, from, today).stream()
                .collect(Collectors.toMap(DailyUsage::day, Function.identity()));
        return from.datesUntil(today.plusDays(1))
                .map(d -> stored.getOrDefault(d, new DailyUsage(credentialId, d, 0, 0, 0)))
                .toList();
    }

    /** Deletes the days older than the retention (the sweep calls this). */
    @Transactional
    public int prune() {
        return usage.pruneBefore(LocalDate.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC));
    }
}
