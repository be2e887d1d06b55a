package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.audit.AuditEventType;
import com.meetergo.apiauth.domain.model.credential.Credential;
import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.shared.DomainException;
import com.meetergo.apiauth.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The lifecycle steps PATs and API keys share, each with its audit event, in the caller's transaction. */
@ApplicationScoped
public class CredentialActions {

    @Inject
    AuditTrail audit;

    @Inject
    ChangeNotices changes;

    @Inject
    Clock clock;

    /** The credentials of {@code all} that are live and end within {@code days}; all of them when null. */
    public <T extends Credential> List<T> dueWithin(List<T> all, Integer days) {
        if (days == null) {
            return all;
        }
        var now = clock.instant();
        var horizon = now.plus(Duration.ofDays(days));
        return all.stream().filter(c -> c.statusAt(now) == CredentialStatus.ACTIVE && c.expiresAt() != null
                && c.expiresAt().isBefore(horizon)).toList();
    }

    public void deactivate(Credential credential, CredentialType kind, Caller actor) {
        credential.deactivate(clock.instant());
        changes.credentialChanged(credential.id());
        audit.record(AuditEventType.DEACTIVATED, credential, kind, actor);
    }

    public void activate(Credential credential, CredentialType kind, Caller actor) {
        credential.activate(clock.instant());
        changes.credentialChanged(credential.id());
        audit.record(AuditEventType.ACTIVATED, credential, kind, actor);
    }

    public void revoke(Credential credential, CredentialType kind, Caller actor) {
        credential.revoke(clock.instant());
        changes.credentialChanged(credential.id());
        audit.record(AuditEventType.REVOKED, credential, kind, actor);
    }

    /** Refuses a rotation that cannot happen; else when the old secret stops: after the grace, never past its expiry. */
    public Instant graceUntil(Credential old, int gracePeriodSeconds) {
        var now = clock.instant();
        if (!old.rotatableAt(now)) {
            throw DomainException.conflict("Only an active credential that has not been rotated can be rotated");
        }
        var end = now.plus(Duration.ofSeconds(gracePeriodSeconds));
        return old.expiresAt() != null && old.expiresAt().isBefore(end) ? old.expiresAt() : end;
    }

    /** Second half of a rotation: the conditional update that only one of concurrent rotations wins. */
    public void completeRotation(boolean won, Credential old, CredentialType kind, Caller actor) {
        if (!won) {
            throw DomainException.conflict("The credential was rotated by another request at the same time");
        }
        changes.credentialChanged(old.id());
        audit.record(AuditEventType.ROTATED, old, kind, actor);
    }
}
