package com.meetergo.apiauth.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreatePersonalAccessTokenRequest(
        @NotBlank(message = "name is required") @Size(max = 100, message = "name must be at most 100 characters")
        String name,

        Instant expiresAt,

        @Size(max = 20, message = "scopes must name at most 20 scopes")
        @Schema(
                nullable = true,
                description = "Scope names (users:read, …); absent: full access; [] only the scope-free endpoints")
        List<String> scopes,

        @Schema(
                nullable = true,
                description = "IPv4/IPv6 addresses and CIDR ranges (at most 64) the token may be used "
                        + "from; absent or []: anywhere")
        List<String> allowedIps) {}
