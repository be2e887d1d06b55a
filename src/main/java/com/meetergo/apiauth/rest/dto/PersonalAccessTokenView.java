package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessToken;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PersonalAccessTokenView(
        String id,
        String name,
        String hint,

        @Schema(description = "Sorted scope names; every scope for a full-access token")
        List<String> scopes,

        @Schema(
                description = "Addresses and CIDR ranges the token may be used from, canonical, in the "
                        + "order given; [] is anywhere")
        List<String> allowedIps,

        Instant createdAt,
        @Schema(nullable = true) Instant expiresAt,
        CredentialStatus status,
        @Schema(nullable = true) Instant lastUsedAt,
        @Schema(nullable = true) String lastUsedIp,
        @Schema(nullable = true) String rotatedFrom,
        @Schema(nullable = true) String replacedBy,
        @Schema(nullable = true) Instant graceUntil) {

    public static PersonalAccessTokenView of(PersonalAccessToken t, Instant now) {
        var l = t.lifecycle();
        return new PersonalAccessTokenView(
                t.id(),
                t.name(),
                t.hint(),
                t.scopes().names(),
                t.allowedIps().entries(),
                t.createdAt(),
                t.expiresAt(),
                t.statusAt(now),
                l.lastUsedAt(),
                l.lastUsedIp(),
                l.rotatedFrom(),
                l.replacedBy(),
                l.graceUntil());
    }
}
