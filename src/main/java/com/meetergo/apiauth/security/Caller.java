package com.meetergo.apiauth.security;

import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.user.Role;
import com.meetergo.apiauth.security.contract.ContractError;

/**
 * Who a request acts as, once its credential is proven: the company, the acting user and that
 * user's role, and the credential. {@code ownerByDefault} is true when an API key named no user and
 * so acts as the company owner (allowed only where {@link OwnerContextAllowed} says so).
 *
 * <p>A valid credential whose {@code x-meetergo-api-user-id} cannot be honoured (malformed, a user
 * of another company, or any other user with a PAT) gives a caller with no user, no role and the
 * {@code rejection} to answer with: {@link UserContextFilter} answers it before any resource runs,
 * and {@link CurrentCaller} never hands such a caller to one.
 */
public record Caller(String companyId, String userId, Role role, CredentialType credentialType,
        String credentialId, boolean ownerByDefault, ContractError rejection) {

    static Caller acting(String companyId, String userId, Role role, CredentialType type, String credentialId,
            boolean ownerByDefault) {
        return new Caller(companyId, userId, role, type, credentialId, ownerByDefault, null);
    }

    static Caller rejected(String companyId, CredentialType type, String credentialId, ContractError rejection) {
        return new Caller(companyId, null, null, type, credentialId, false, rejection);
    }

    public boolean managesCompany() {
        return role != null && role.managesCompany();
    }
}
