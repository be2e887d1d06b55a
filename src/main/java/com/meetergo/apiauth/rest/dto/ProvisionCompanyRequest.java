package com.meetergo.apiauth.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ProvisionCompanyRequest(
        @NotBlank(message = "name is required") @Size(max = 200, message = "name must be at most 200 characters")
        String name,

        @NotNull(message = "owner is required") @Valid Owner owner,

        @Schema(
                description = "The company's plan (default ENTERPRISE); a plan without Personal Access Tokens (FREE)"
                        + " gets no owner token",
                enumeration = {"FREE", "ESSENTIALS", "BUSINESS", "ENTERPRISE", "API_PLATFORM"},
                nullable = true)
        @Pattern(regexp = PlanRequest.PLANS, message = PlanRequest.INVALID)
        String plan) {

    public record Owner(
            @NotBlank(message = "owner.email is required")
            @Email(message = "owner.email must be an email address")
            @Size(max = 320, message = "owner.email must be at most 320 characters")
            String email,

            @NotBlank(message = "owner.givenName is required")
            @Size(max = 100, message = "owner.givenName must be at most 100 characters")
            String givenName,

            @NotBlank(message = "owner.familyName is required")
            @Size(max = 100, message = "owner.familyName must be at most 100 characters")
            String familyName) {}
}
