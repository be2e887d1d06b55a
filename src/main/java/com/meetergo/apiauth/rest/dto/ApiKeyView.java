package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.credential.ApiKey;
import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import java.time.Instant;

public record ApiKeyView(String id, String name, String hint, Instant createdAt, Instant expiresAt,
        CredentialStatus status) {

    public static ApiKeyView of(ApiKey k, Instant now) {
        return new ApiKeyView(k.id(), k.name(), k.hint(), k.createdAt(), k.expiresAt(), k.statusAt(now));
    }
}
