package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.user.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Every field optional: only those sent change. */
public record UpdateUserRequest(
        @Email(message = "email must be an email address")
        @Size(max = 320, message = "email must be at most 320 characters")
        String email,

        @Pattern(regexp = ".*\\S.*", message = "givenName must not be blank")
        @Size(max = 100, message = "givenName must be at most 100 characters")
        String givenName,

        @Pattern(regexp = ".*\\S.*", message = "familyName must not be blank")
        @Size(max = 100, message = "familyName must be at most 100 characters")
        String familyName,

        Role role) {}
