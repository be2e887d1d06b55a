package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.application.PersonalAccessTokenService.NewToken;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The only answer that ever holds a PAT: the one that creates it (or rotates its predecessor). */
public record CreatedPersonalAccessTokenView(
        String id,
        String name,
        String token,
        Instant createdAt,
        @Schema(nullable = true) Instant expiresAt,
        @Schema(nullable = true) String rotatedFrom) {

    public static CreatedPersonalAccessTokenView of(NewToken created) {
        var t = created.token();
        return new CreatedPersonalAccessTokenView(t.id(), t.name(), created.secret(), t.createdAt(), t.expiresAt(),
                t.lifecycle().rotatedFrom());
    }

    @Override
    public String toString() {
        return "CreatedPersonalAccessTokenView[id=" + id + "]";
    }
}
