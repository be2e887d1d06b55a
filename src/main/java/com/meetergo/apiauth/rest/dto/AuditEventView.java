package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.audit.AuditEvent;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import java.time.Instant;

public record AuditEventView(String id, String type, CredentialType credentialType, String credentialId,
        String actorCredentialId, String actorUserId, String subjectUserId, String sourceIp, Instant occurredAt) {

    public static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id(), e.type().apiName(), e.credentialType(), e.credentialId(),
                e.actorCredentialId(), e.actorUserId(), e.subjectUserId(), e.sourceIp(), e.occurredAt());
    }
}
