package com.meetergo.apiauth.infrastructure.timer;

import com.meetergo.apiauth.application.CredentialSweep;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The sweep's clock: a persistent EJB timer (enterpriseBeansPersistentTimer, stored in the
 * application's database) that ticks every 10 seconds; the sweep itself runs once per
 * {@code apiauth.sweep.period} (production: every 5 minutes), whichever server claims it first.
 */
@Singleton
public class CredentialSweepTimer {

    @Inject
    CredentialSweep sweep;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = true, info = "credential sweep")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        sweep.runIfDue();
    }
}
