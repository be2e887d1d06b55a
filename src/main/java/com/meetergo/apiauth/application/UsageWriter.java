package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.audit.AuditEvent;
import com.meetergo.apiauth.domain.model.audit.AuditEventType;
import com.meetergo.apiauth.domain.model.audit.AuditRepository;
import com.meetergo.apiauth.domain.model.credential.ApiKeyRepository;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessTokenRepository;
import com.meetergo.apiauth.domain.model.usage.DailyUsage;
import com.meetergo.apiauth.domain.model.usage.NetworkSource;
import com.meetergo.apiauth.domain.model.usage.SourceRepository;
import com.meetergo.apiauth.domain.model.usage.UsageRepository;
import com.meetergo.apiauth.security.Caller;
import com.meetergo.apiauth.security.SourceCounts;
import com.meetergo.apiauth.security.UsageCounts.Drained;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes of {@link UsageRecorder} and {@link UsageLedger}, each in a transaction of its own, apart from the
 * request's.
 */
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

    @Inject
    WebhookOutbox outbox;

    @Inject
    SourceRepository sources;

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

    /**
     * Adds a network's requests to its row; false when it has none yet. A network back after {@code absence} counts as
     * new (the conditional update has one winner among servers).
     */
    public boolean addSource(SourceCounts.Drained d, Duration absence) {
        if (sources.addIfStale(
                d.credentialId(),
                d.network(),
                d.lastAt(),
                d.requests(),
                d.firstAt().minus(absence))) {
            newSource(d);
            return true;
        }
        return sources.addTo(d.credentialId(), d.network(), d.lastAt(), d.requests());
    }

    /**
     * A network's first row, the credential's rows kept to {@code max}; fails (and rolls back) when another server's
     * insert came first — that server audits it, this one adds to its row.
     */
    public void insertSource(SourceCounts.Drained d, int max) {
        sources.insert(new NetworkSource(d.credentialId(), d.network(), d.firstAt(), d.lastAt(), d.requests()));
        sources.keepLatest(d.credentialId(), max);
        newSource(d);
    }

    /** Audited only after the credential's first day of use: on its first day, every network is new. */
    private void newSource(SourceCounts.Drained d) {
        if (usage.servedBefore(d.credentialId(), LocalDate.ofInstant(d.firstAt(), ZoneOffset.UTC))) {
            var event = new AuditEvent(
                            d.companyId(),
                            AuditEventType.NEW_SOURCE,
                            d.type(),
                            d.credentialId(),
                            d.credentialId(),
                            null,
                            null,
                            d.firstAddress(),
                            d.firstAt(),
                            null)
                    .withDetail("network " + d.network());
            audit.add(event);
            outbox.enqueue(List.of(event));
        }
    }

    /** One event per key, user and hour; a unique constraint turns a second server's insert away. */
    public void impersonation(Caller caller, String ip, Instant now, Instant hour) {
        if (!audit.exists(AuditEventType.IMPERSONATION, caller.credentialId(), caller.userId(), hour)) {
            audit.add(new AuditEvent(
                    caller.companyId(),
                    AuditEventType.IMPERSONATION,
                    CredentialType.API_KEY,
                    caller.credentialId(),
                    caller.credentialId(),
                    null,
                    caller.userId(),
                    ip,
                    now,
                    hour));
        }
    }
}
