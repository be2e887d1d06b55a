package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.application.PersonalAccessTokenService.NewToken;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The only answer that ever holds a PAT: the one that creates it (or rotates its predecessor). */
public record CreatedPersonalAccessTokenView(
        String id,
        String name,
        String token,

        @Schema(description = "Sorted scope names; every scope for a full-access token")
        List<String> scopes,

        @Schema(
                description = "Addresses and CIDR ranges the token may be used from, canonical, in the "
                        + "order given; [] is anywhere")
        List<String> allowedIps,

        Instant createdAt,
        @Schema(nullable = true) Instant expiresAt,
        @Schema(nullable = true) String rotatedFrom) {

    public static CreatedPersonalAccessTokenView of(NewToken created) {
        var t = created.token();
        return new CreatedPersonalAccessTokenView(
                t.id(),
                t.name(),
                created.secret(),
                t.scopes().names(),
                t.allowedIps().entries(),
                t.createdAt(),
                t.expiresAt(),
                t.lifecycle().rotatedFrom());
    }

    @Override
    public String toString() {
        return "CreatedPersonalAccessTokenView[id=" + id + "]";
    }
}
