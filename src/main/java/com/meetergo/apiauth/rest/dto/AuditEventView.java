package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.audit.AuditEvent;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AuditEventView(
        String id,
        String type,
        @Schema(nullable = true) CredentialType credentialType,
        @Schema(nullable = true) String credentialId,
        @Schema(nullable = true) String actorCredentialId,
        @Schema(nullable = true) String actorUserId,
        @Schema(nullable = true) String subjectUserId,
        @Schema(nullable = true) String sourceIp,
        Instant occurredAt,

        @Schema(
                nullable = true,
                description = "What changed where it is neither a credential nor a user: a plan change's "
                        + "\"OLD -> NEW\", an expiry warning's \"within P7D\", a new source's "
                        + "\"network …\", a webhook endpoint's \"endpoint ID URL\", a "
                        + "token policy's "
                        + "\"maxPersonalAccessTokenLifetimeDays: OLD "
                        + "-> NEW\", what an owner-only attempt tried")
        String detail) {

    public static AuditEventView of(AuditEvent e) {
        return new AuditEventView(
                e.id(),
                e.type().apiName(),
                e.credentialType(),
                e.credentialId(),
                e.actorCredentialId(),
                e.actorUserId(),
                e.subjectUserId(),
                e.sourceIp(),
                e.occurredAt(),
                e.detail());
    }
}
