package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.application.PersonalAccessTokenService.NewToken;
import java.time.Instant;

/** The only answer that ever holds a PAT: the one that creates it. */
public record CreatedPersonalAccessTokenView(String id, String name, String token, Instant createdAt,
        Instant expiresAt) {

    public static CreatedPersonalAccessTokenView of(NewToken created) {
        var t = created.token();
        return new CreatedPersonalAccessTokenView(t.id(), t.name(), created.secret(), t.createdAt(), t.expiresAt());
    }

    @Override
    public String toString() {
        return "CreatedPersonalAccessTokenView[id=" + id + "]";
    }
}
