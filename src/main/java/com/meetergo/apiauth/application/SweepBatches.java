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
 * One batch of the sweep per call, each in a transaction of its own, with an audit event per credential:
 * a handful of statements a batch whatever its size (pick, lock and change in one; insert the events).
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

    int warn(CredentialType type, Instant now, Instant horizon, int limit) {
        return recorded(AuditEventType.EXPIRING_SOON, type, sweep.warn(type, now, horizon, limit));
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
