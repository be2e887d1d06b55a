package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessToken;
import java.time.Instant;

public record PersonalAccessTokenView(String id, String name, String hint, Instant createdAt, Instant expiresAt,
        CredentialStatus status) {

    public static PersonalAccessTokenView of(PersonalAccessToken t, Instant now) {
        return new PersonalAccessTokenView(t.id(), t.name(), t.hint(), t.createdAt(), t.expiresAt(), t.statusAt(now));
    }
}
