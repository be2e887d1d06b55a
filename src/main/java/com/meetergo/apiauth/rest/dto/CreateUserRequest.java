package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.user.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CreateUserRequest(
        @NotBlank(message = "email is required")
        @Email(message = "email must be an email address")
        @Size(max = 320, message = "email must be at most 320 characters")
        String email,

        @NotBlank(message = "givenName is required")
        @Size(max = 100, message = "givenName must be at most 100 characters")
        String givenName,

        @NotBlank(message = "familyName is required")
        @Size(max = 100, message = "familyName must be at most 100 characters")
        String familyName,

        Role role) {}
