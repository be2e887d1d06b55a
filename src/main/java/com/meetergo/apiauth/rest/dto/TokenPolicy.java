package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.company.Company;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The company's credential policy: the longest a new PAT may live (null: no limit). */
public record TokenPolicy(
        @Schema(nullable = true, description = "Days; new and rotated PATs expire within it (null: no limit)")
        @Min(value = 1, message = "maxPersonalAccessTokenLifetimeDays must be between 1 and 3650")
        @Max(value = 3650, message = "maxPersonalAccessTokenLifetimeDays must be between 1 and 3650")
        Integer maxPersonalAccessTokenLifetimeDays) {

    public static TokenPolicy of(Company company) {
        return new TokenPolicy(company.maxPatLifetimeDays());
    }
}
