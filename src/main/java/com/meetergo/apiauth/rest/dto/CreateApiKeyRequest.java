package com.meetergo.apiauth.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateApiKeyRequest(
        @Size(max = 100, message = "name must be at most 100 characters")
        String name,

        @NotNull(message = "expiresInDays is required (1-90)")
        @Min(value = 1, message = "expiresInDays must be between 1 and 90")
        @Max(value = 90, message = "expiresInDays must be between 1 and 90")
        Integer expiresInDays,

        @Size(max = 20, message = "scopes must name at most 20 scopes")
        @Schema(
                nullable = true,
                description = "Scope names (users:read, …); absent: full access; [] only the scope-free endpoints")
        List<String> scopes,

        @Schema(
                nullable = true,
                description = "IPv4/IPv6 addresses and CIDR ranges (at most 64) the key may be used from; "
                        + "absent or []: anywhere")
        List<String> allowedIps) {}
