package com.meetergo.apiauth.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to provisioning; {@code ownerToken} (the owner's first PAT) is shown this once. */
public record ProvisionedCompanyView(
        String companyId,
        String ownerId,

        @Schema(nullable = true, description = "The owner's first PAT, shown once; null when the plan has no PATs")
        String ownerToken) {

    @Override
    public String toString() {
        return "ProvisionedCompanyView[companyId=" + companyId + ", ownerId=" + ownerId + "]";
    }
}
