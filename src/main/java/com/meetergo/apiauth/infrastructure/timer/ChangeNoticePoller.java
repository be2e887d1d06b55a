package com.meetergo.apiauth.infrastructure.timer;

import com.meetergo.apiauth.domain.model.change.ChangeNotice;
import com.meetergo.apiauth.domain.model.change.ChangeNoticeRepository;
import com.meetergo.apiauth.security.VerificationCache;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings other servers' changes to this server's {@link VerificationCache}: a non-persistent EJB timer (every
 * {@code apiauth.cache.poll-interval}, 250 ms) reads the change notices of the last {@link #LOOKBACK} and forgets each
 * target once. Reading a window rather than "after the last one seen" also catches a transaction that commits after a
 * younger one. A failed read, or a gap between reads longer than the window, empties the cache; until a read succeeds
 * it is not used.
 */
@Singleton
@Startup
public class ChangeNoticePoller {

    /** How far back each read looks: covers long transactions and clocks a few seconds apart. */
    static final Duration LOOKBACK = Duration.ofSeconds(10);

    private static final Duration KEEP = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(ChangeNoticePoller.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ChangeNoticeRepository notices;

    @Inject
    VerificationCache cache;

    @Inject
    @ConfigProperty(name = "apiauth.cache.poll-interval", defaultValue = "PT0.25S")
    Duration interval;

    private Set<String> seen = Set.of();

    private long lastSuccess;

    private boolean failing;

    private Instant lastPrune = Instant.EPOCH;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(0, interval.toMillis(), new TimerConfig("change notice poll", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        long started = System.nanoTime();
        var now = Instant.now();
        try {
            var recent = notices.since(now.minus(LOOKBACK));
            if (lastSuccess == 0
                    || started - lastSuccess > LOOKBACK.minus(interval).toNanos()) {
                cache.forgetAll();
            }
            var ids = new HashSet<String>();
            for (ChangeNotice notice : recent) {
                ids.add(notice.id());
                if (!seen.contains(notice.id())) {
                    cache.forget(notice.kind(), notice.targetId());
                }
            }
            seen = ids;
            lastSuccess = started;
            cache.freshAsOf(started);
            if (failing) {
                failing = false;
                LOG.info("Change notices readable again: the verification cache is back in use");
            }
            if (now.isAfter(lastPrune.plus(Duration.ofMinutes(1)))) {
                lastPrune = now;
                notices.deleteBefore(now.minus(KEEP));
            }
        } catch (RuntimeException e) {
            cache.forgetAll();
            if (!failing) {
                failing = true;
                LOG.log(
                        Level.WARNING,
                        "Cannot read change notices, every request reads the database: {0}",
                        e.getClass().getName());
            }
        }
    }
}
