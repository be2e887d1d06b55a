package com.meetergo.apiauth.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

public record CreatePersonalAccessTokenRequest(
        @NotBlank(message = "name is required")
        @Size(max = 100, message = "name must be at most 100 characters") String name,
        Instant expiresAt) {
}
