package com.meetergo.apiauth.domain.model.audit;

import com.meetergo.apiauth.domain.model.Ids;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One thing that happened to a credential: who did it (the acting credential and user, none for the sweep), from where,
 * when. Never a secret. Impersonation (an API key acting as a user) is one event per key, user and hour, marked by
 * {@code periodStart}.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    private String id;

    @Column(name = "company_id", nullable = false)
    private String companyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditEventType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "credential_type")
    private CredentialType credentialType;

    @Column(name = "credential_id")
    private String credentialId;

    @Column(name = "actor_credential_id")
    private String actorCredentialId;

    @Column(name = "actor_user_id")
    private String actorUserId;

    @Column(name = "subject_user_id")
    private String subjectUserId;

    @Column(name = "source_ip")
    private String sourceIp;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "period_start")
    private Instant periodStart;

    /** What changed, where it is neither a credential nor a user (a plan change: "ENTERPRISE -> ESSENTIALS"). */
    @Column
    private String detail;

    protected AuditEvent() {}

    public AuditEvent(
            String companyId,
            AuditEventType type,
            CredentialType credentialType,
            String credentialId,
            String actorCredentialId,
            String actorUserId,
            String subjectUserId,
            String sourceIp,
            Instant occurredAt,
            Instant periodStart) {
        this.id = Ids.timeOrdered();
        this.companyId = companyId;
        this.type = type;
        this.credentialType = credentialType;
        this.credentialId = credentialId;
        this.actorCredentialId = actorCredentialId;
        this.actorUserId = actorUserId;
        this.subjectUserId = subjectUserId;
        this.sourceIp = sourceIp;
        this.occurredAt = occurredAt;
        this.periodStart = periodStart;
    }

    public String id() {
        return id;
    }

    /** The same event with what changed (before it is stored). */
    public AuditEvent withDetail(String what) {
        this.detail = what;
        return this;
    }

    public String detail() {
        return detail;
    }

    public String companyId() {
        return companyId;
    }

    public AuditEventType type() {
        return type;
    }

    public CredentialType credentialType() {
        return credentialType;
    }

    public String credentialId() {
        return credentialId;
    }

    public String actorCredentialId() {
        return actorCredentialId;
    }

    public String actorUserId() {
        return actorUserId;
    }

    public String subjectUserId() {
        return subjectUserId;
    }

    public String sourceIp() {
        return sourceIp;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant periodStart() {
        return periodStart;
    }
}
