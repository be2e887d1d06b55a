package com.meetergo.apiauth.infrastructure.timer;

import com.meetergo.apiauth.application.SourceLedger;
import com.meetergo.apiauth.application.UsageLedger;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Adds this server's usage counts, then the networks they came from, to their tables every
 * {@code apiauth.usage.flush-interval} (5 s; a non-persistent timer: each server flushes its own) and once more when
 * the application stops, so that a stopped server loses nothing and a killed one at most one interval.
 */
@Singleton
@Startup
public class UsageFlushTimer {

    private static final Logger LOG = Logger.getLogger(UsageFlushTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    UsageLedger ledger;

    @Inject
    SourceLedger sources;

    @Inject
    @ConfigProperty(name = "apiauth.usage.flush-interval", defaultValue = "PT5S")
    Duration interval;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("usage flush", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void flush() {
        try {
            ledger.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Usage flush failed: {0}", e.getClass().getName());
        }
        // after the days: whether a network is new reads the days before this one
        try {
            sources.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sources flush failed: {0}", e.getClass().getName());
        }
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void flushOnStop() {
        flush();
    }
}
