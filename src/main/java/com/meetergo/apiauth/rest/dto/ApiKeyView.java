package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.credential.ApiKey;
import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ApiKeyView(
        String id,
        String name,
        String hint,

        @Schema(description = "Sorted scope names; every scope for a full-access key")
        List<String> scopes,

        @Schema(
                description = "Addresses and CIDR ranges the key may be used from, canonical, in the "
                        + "order given; [] is anywhere")
        List<String> allowedIps,

        Instant createdAt,
        Instant expiresAt,
        CredentialStatus status,
        @Schema(nullable = true) Instant lastUsedAt,
        @Schema(nullable = true) String lastUsedIp,
        @Schema(nullable = true) String rotatedFrom,
        @Schema(nullable = true) String replacedBy,
        @Schema(nullable = true) Instant graceUntil) {

    public static ApiKeyView of(ApiKey k, Instant now) {
        var l = k.lifecycle();
        return new ApiKeyView(
                k.id(),
                k.name(),
                k.hint(),
                k.scopes().names(),
                k.allowedIps().entries(),
                k.createdAt(),
                k.expiresAt(),
                k.statusAt(now),
                l.lastUsedAt(),
                l.lastUsedIp(),
                l.rotatedFrom(),
                l.replacedBy(),
                l.graceUntil());
    }
}
