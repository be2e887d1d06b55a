package com.meetergo.apiauth.security;

import com.meetergo.apiauth.domain.model.credential.Credential;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.credential.Scopes;
import com.meetergo.apiauth.domain.model.user.Role;
import com.meetergo.apiauth.domain.model.user.User;
import com.meetergo.apiauth.security.contract.ContractError;

/**
 * Who a request acts as, once its credential is proven: the company, the acting user and that
 * user's role, and the credential with its scopes (what the request may do is both: the scopes and
 * the role). {@code ownerByDefault} is true when an API key named no user and
 * so acts as the company owner (allowed only where {@link OwnerContextAllowed} says so).
 *
 * <p>A valid credential whose {@code x-meetergo-api-user-id} cannot be honoured (malformed, a user
 * of another company, or any other user with a PAT) gives a caller with no user, no role and the
 * {@code rejection} to answer with: {@link UserContextFilter} answers it before any resource runs,
 * and {@link CurrentCaller} never hands such a caller to one.
 */
public record Caller(String companyId, String userId, Role role, CredentialType credentialType,
        String credentialId, Scopes scopes, boolean ownerByDefault, ContractError rejection) {

    static Caller acting(Credential credential, CredentialType type, User user, boolean ownerByDefault) {
        return new Caller(credential.companyId(), user.id(), user.role(), type, credential.id(), credential.scopes(),
                ownerByDefault, null);
    }

    static Caller rejected(Credential credential, CredentialType type, ContractError rejection) {
        return new Caller(credential.companyId(), null, null, type, credential.id(), credential.scopes(), false,
                rejection);
    }

    public boolean managesCompany() {
        return role != null && role.managesCompany();
    }
}
