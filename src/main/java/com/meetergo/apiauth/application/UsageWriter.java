package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.audit.AuditEvent;
import com.meetergo.apiauth.domain.model.audit.AuditEventType;
import com.meetergo.apiauth.domain.model.audit.AuditRepository;
import com.meetergo.apiauth.domain.model.credential.ApiKeyRepository;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessTokenRepository;
import com.meetergo.apiauth.domain.model.usage.DailyUsage;
import com.meetergo.apiauth.domain.model.usage.UsageRepository;
import com.meetergo.apiauth.security.Caller;
import com.meetergo.apiauth.security.UsageCounts.Drained;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The writes of {@link UsageRecorder} and {@link UsageLedger}, each in a transaction of its own, apart from the request's. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class UsageWriter {

    @Inject
    ApiKeyRepository keys;

    @Inject
    PersonalAccessTokenRepository tokens;

    @Inject
    AuditRepository audit;

    @Inject
    UsageRepository usage;

    public void lastUsed(CredentialType type, String id, Instant now, String ip, Instant unlessUsedAfter) {
        if (type == CredentialType.API_KEY) {
            keys.recordUse(id, now, ip, unlessUsedAfter);
        } else {
            tokens.recordUse(id, now, ip, unlessUsedAfter);
        }
    }

    /** Adds each day's counts to its row; returns the days that have no row yet (nothing added for them). */
    public List<Drained> addUsage(List<Drained> days) {
        var missing = new ArrayList<Drained>();
        for (var d : days) {
            if (!usage.addTo(d.credentialId(), d.day(), d.success(), d.refused(), d.failed())) {
                missing.add(d);
            }
        }
        return missing;
    }

    /** A day's first row; fails (and rolls back) when another server's insert came first. */
    public void insertUsage(Drained d) {
        usage.insert(new DailyUsage(d.credentialId(), d.day(), d.success(), d.refused(), d.failed()));
    }

    /** One event per key, user and hour; a unique constraint turns a second server's insert away. */
    public void impersonation(Caller caller, String ip, Instant now, Instant hour) {
        if (!audit.exists(AuditEventType.IMPERSONATION, caller.credentialId(), caller.userId(), hour)) {
            audit.add(new AuditEvent(caller.companyId(), AuditEventType.IMPERSONATION, CredentialType.API_KEY,
                    caller.credentialId(), caller.credentialId(), null, caller.userId(), ip, now, hour));
        }
    }
}
