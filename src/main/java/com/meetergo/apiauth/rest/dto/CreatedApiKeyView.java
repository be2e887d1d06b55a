package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.application.ApiKeyService.NewKey;
import java.time.Instant;

/** The only answer that ever holds an API key: the one that creates it. */
public record CreatedApiKeyView(String id, String name, String key, Instant createdAt, Instant expiresAt) {

    public static CreatedApiKeyView of(NewKey created) {
        var k = created.key();
        return new CreatedApiKeyView(k.id(), k.name(), created.secret(), k.createdAt(), k.expiresAt());
    }

    @Override
    public String toString() {
        return "CreatedApiKeyView[id=" + id + "]";
    }
}
