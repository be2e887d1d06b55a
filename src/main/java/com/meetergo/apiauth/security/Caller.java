package com.meetergo.apiauth.security;

import com.meetergo.apiauth.domain.model.user.Role;

/**
 * Who a request acts as, once authenticated: the company, the acting user and that user's role,
 * and the credential that proved it. {@code ownerByDefault} is true when an API key named no user
 * and so acts as the company owner (allowed only where {@link OwnerContextAllowed} says so).
 */
public record Caller(String companyId, String userId, Role role, CredentialType credentialType,
        String credentialId, boolean ownerByDefault) {

    public boolean managesCompany() {
        return role.managesCompany();
    }
}
