package com.meetergo.apiauth.infrastructure.timer;

import com.meetergo.apiauth.application.CredentialSweep;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sweep's clock: a persistent EJB timer (enterpriseBeansPersistentTimer, stored in the application's database) that
 * ticks every 10 seconds; the sweep itself runs once per {@code apiauth.sweep.period} (production: every 5 minutes),
 * whichever server claims it first.
 */
@Singleton
public class CredentialSweepTimer {

    private static final Logger LOG = Logger.getLogger(CredentialSweepTimer.class.getName());

    @Inject
    CredentialSweep sweep;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = true, info = "credential sweep")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            sweep.runIfDue();
        } catch (RuntimeException e) {
            // A failed timeout counts against the persistent timer's retry limit, after which Liberty
            // stops it for good: a database outage must not end the sweep. The next tick retries.
            LOG.log(
                    Level.WARNING,
                    "Credential sweep failed, retrying at the next tick: {0}",
                    e.getClass().getName());
        }
    }
}
