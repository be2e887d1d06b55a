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
 * a handful of statements a batch whatever its size (read and lock, update, insert the events).
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
        var batch = sweep.expiredButLive(type, now, limit);
        if (!batch.isEmpty()) {
            sweep.markExpired(type, ids(batch));
            audit.recordSwept(AuditEventType.EXPIRED, batch, type);
        }
        return batch.size();
    }

    int endGrace(CredentialType type, Instant now, int limit) {
        var batch = sweep.pastGraceButLive(type, now, limit);
        if (!batch.isEmpty()) {
            sweep.markEnded(type, ids(batch), now);
            audit.recordSwept(AuditEventType.REVOKED, batch, type);
        }
        return batch.size();
    }

    int warn(CredentialType type, Instant now, Instant horizon, int limit) {
        var batch = sweep.expiringUnwarned(type, now, horizon, limit);
        if (!batch.isEmpty()) {
            sweep.markWarned(type, ids(batch), now);
            audit.recordSwept(AuditEventType.EXPIRING_SOON, batch, type);
        }
        return batch.size();
    }

    int erase(CredentialType type, Instant cutoff, Instant now, int limit) {
        return sweep.eraseDigestsEndedBefore(type, cutoff, now, limit);
    }

    private static List<String> ids(List<CredentialSweepRepository.Swept> batch) {
        return batch.stream().map(CredentialSweepRepository.Swept::id).toList();
    }
}
