package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.user.Role;
import com.meetergo.apiauth.domain.shared.DomainException;
import com.meetergo.apiauth.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one rule for what only the owner does: change the owner's account, manage the owner's tokens, mint a token that
 * acts as the owner. It takes the owner's authority, not the owner's id: a key an admin minted may name the owner in
 * {@code x-meetergo-api-user-id} and then reads as the owner, but it holds the admin's authority
 * ({@link Caller#authority()}), so an admin cannot take the company from its owner through a key. Every refusal is
 * audited (owner_action_refused).
 */
@ApplicationScoped
public class OwnerAuthority {

    public static final String OWNER_ONLY = "Only the company owner can change the owner's account and credentials,"
            + " with the owner's own token or a credential the owner created";

    @Inject
    AuditTrail audit;

    /**
     * Refuses (403, audited) {@code attempt} on a user of {@code subjectRole} unless the request holds the owner's
     * authority.
     */
    public void require(Caller caller, Role subjectRole, String subjectUserId, String attempt) {
        if (subjectRole == Role.OWNER && !caller.holdsOwnerAuthority()) {
            audit.recordOwnerActionRefused(caller, subjectUserId, attempt);
            throw DomainException.forbidden(OWNER_ONLY);
        }
    }
}
