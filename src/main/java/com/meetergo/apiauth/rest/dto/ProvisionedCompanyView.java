package com.meetergo.apiauth.rest.dto;

/** The answer to provisioning; {@code ownerToken} (the owner's first PAT) is shown this once. */
public record ProvisionedCompanyView(String companyId, String ownerId, String ownerToken) {

    @Override
    public String toString() {
        return "ProvisionedCompanyView[companyId=" + companyId + ", ownerId=" + ownerId + "]";
    }
}
