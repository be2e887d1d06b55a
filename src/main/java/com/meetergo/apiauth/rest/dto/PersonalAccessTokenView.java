package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessToken;
import java.time.Instant;

public record PersonalAccessTokenView(String id, String name, String hint, Instant createdAt, Instant expiresAt,
        CredentialStatus status, Instant lastUsedAt, String lastUsedIp, String rotatedFrom, String replacedBy,
        Instant graceUntil) {

    public static PersonalAccessTokenView of(PersonalAccessToken t, Instant now) {
        var l = t.lifecycle();
        return new PersonalAccessTokenView(t.id(), t.name(), t.hint(), t.createdAt(), t.expiresAt(), t.statusAt(now),
                l.lastUsedAt(), l.lastUsedIp(), l.rotatedFrom(), l.replacedBy(), l.graceUntil());
    }
}
