package com.meetergo.apiauth.security;

import com.meetergo.apiauth.domain.model.credential.Credential;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.credential.Scopes;
import com.meetergo.apiauth.domain.model.user.Role;
import com.meetergo.apiauth.domain.model.user.User;
import com.meetergo.apiauth.security.contract.ContractError;
import java.time.Instant;

/**
 * Who a request acts as, once its credential is proven: the company, the acting user and that user's role, and the
 * credential with its scopes (what the request may do is both: the scopes and the role). {@code ownerByDefault} is true
 * when an API key named no user and so acts as the company owner (allowed only where {@link OwnerContextAllowed} says
 * so).
 *
 * <p>A valid credential whose {@code x-meetergo-api-user-id} cannot be honoured (malformed, a user of another company,
 * or any other user with a PAT) gives a caller with no user, no role and the {@code rejection} to answer with:
 * {@link UserContextFilter} answers it before any resource runs, and {@link CurrentCaller} never hands such a caller to
 * one.
 *
 * <p>{@code credentialAuthority} is the most the credential may do whoever it acts as (the authority of whoever minted
 * it): a key an admin minted acts as the owner with the owner's role, yet its {@link #authority()} is the admin's.
 * {@code issuedAt} is when the credential was made; {@code endsAt} is when the credential stops working (its expiry, or
 * the end of its grace when sooner; null: never), for a gateway to pass upstream.
 */
public record Caller(
        String companyId,
        String userId,
        Role role,
        CredentialType credentialType,
        String credentialId,
        Scopes scopes,
        boolean ownerByDefault,
        ContractError rejection,
        Role credentialAuthority,
        Instant issuedAt,
        Instant endsAt) {

    static Caller acting(Credential credential, CredentialType type, User user, boolean ownerByDefault) {
        return new Caller(
                credential.companyId(),
                user.id(),
                user.role(),
                type,
                credential.id(),
                credential.scopes(),
                ownerByDefault,
                null,
                credential.authority(),
                credential.createdAt(),
                credential.endsAt());
    }

    static Caller rejected(Credential credential, CredentialType type, ContractError rejection) {
        return new Caller(
                credential.companyId(),
                null,
                null,
                type,
                credential.id(),
                credential.scopes(),
                false,
                rejection,
                credential.authority(),
                credential.createdAt(),
                credential.endsAt());
    }

    public boolean managesCompany() {
        return role != null && role.managesCompany();
    }

    /** What this request may do: the acting user's role, capped by its credential's authority. */
    public Role authority() {
        return role == null ? null : role.atMost(credentialAuthority);
    }

    /** Whether the request is the owner's own: the owner acting through a credential with the owner's authority. */
    public boolean holdsOwnerAuthority() {
        return authority() == Role.OWNER;
    }
}
