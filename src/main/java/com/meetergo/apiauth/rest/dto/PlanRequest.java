package com.meetergo.apiauth.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A company's new plan (PUT /provisioning/companies/{companyId}/plan). */
public record PlanRequest(
        @Schema(enumeration = {"FREE", "ESSENTIALS", "BUSINESS", "ENTERPRISE", "API_PLATFORM"})
        @NotNull(message = "plan is required")
        @Pattern(regexp = PLANS, message = INVALID)
        String plan) {

    static final String PLANS = "FREE|ESSENTIALS|BUSINESS|ENTERPRISE|API_PLATFORM";
    static final String INVALID = "plan must be one of FREE, ESSENTIALS, BUSINESS, ENTERPRISE, API_PLATFORM";
}
