package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.application.ApiKeyService.NewKey;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The only answer that ever holds an API key: the one that creates it (or rotates its predecessor). */
public record CreatedApiKeyView(
        String id,
        String name,
        String key,

        @Schema(description = "Sorted scope names; every scope for a full-access key")
        List<String> scopes,

        @Schema(
                description = "Addresses and CIDR ranges the key may be used from, canonical, in the "
                        + "order given; [] is anywhere")
        List<String> allowedIps,

        Instant createdAt,
        Instant expiresAt,
        @Schema(nullable = true) String rotatedFrom) {

    public static CreatedApiKeyView of(NewKey created) {
        var k = created.key();
        return new CreatedApiKeyView(
                k.id(),
                k.name(),
                created.secret(),
                k.scopes().names(),
                k.allowedIps().entries(),
                k.createdAt(),
                k.expiresAt(),
                k.lifecycle().rotatedFrom());
    }

    @Override
    public String toString() {
        return "CreatedApiKeyView[id=" + id + "]";
    }
}
