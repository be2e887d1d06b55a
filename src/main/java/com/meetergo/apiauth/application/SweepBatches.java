package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.audit.AuditEventType;
import com.meetergo.apiauth.domain.model.credential.CredentialSweepRepository;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One batch of the sweep per call, each in a transaction of its own, with an audit event per credential: a handful of
 * statements a batch whatever its size (pick, lock and change in one; insert the events).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SweepBatches {

    @Inject
    CredentialSweepRepository sweep;

    @Inject
    AuditTrail audit;

    boolean claim(Instant now, Duration period) {
        return sweep.claim(now, period);
    }

    int expire(CredentialType type, Instant now, int limit) {
        return recorded(AuditEventType.EXPIRED, type, sweep.expire(type, now, limit));
    }

    int endGrace(CredentialType type, Instant now, int limit) {
        return recorded(AuditEventType.REVOKED, type, sweep.endGrace(type, now, limit));
    }

    /** The first warning; the event's detail names its window ("within P7D"). */
    int warn(CredentialType type, Instant now, Duration window, int limit) {
        return warned(type, window, sweep.warn(type, now, now.plus(window), limit));
    }

    /** The last warning (a day ahead), before the first: a credential inside both windows gets this one only. */
    int warnLast(CredentialType type, Instant now, Duration window, int limit) {
        return warned(type, window, sweep.warnLast(type, now, now.plus(window), limit));
    }

    /** P7D rather than Duration's PT168H: as the setting is written. */
    private static String iso(Duration window) {
        return window.toSeconds() % 86_400 == 0 && window.toNanosPart() == 0
                ? "P" + window.toDays() + "D"
                : window.toString();
    }

    private int warned(CredentialType type, Duration window, List<CredentialSweepRepository.Swept> batch) {
        if (!batch.isEmpty()) {
            audit.recordSwept(AuditEventType.EXPIRING_SOON, batch, type, "within " + iso(window));
        }
        return batch.size();
    }

    int erase(CredentialType type, Instant cutoff, Instant now, int limit) {
        return sweep.eraseDigestsEndedBefore(type, cutoff, now, limit);
    }

    private int recorded(AuditEventType event, CredentialType type, List<CredentialSweepRepository.Swept> batch) {
        if (!batch.isEmpty()) {
            audit.recordSwept(event, batch, type);
        }
        return batch.size();
    }
}
