package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.audit.AuditEventType;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessTokenRepository;
import com.meetergo.apiauth.domain.model.user.Role;
import com.meetergo.apiauth.domain.model.user.User;
import com.meetergo.apiauth.domain.model.user.UserRepository;
import com.meetergo.apiauth.domain.shared.DomainException;
import com.meetergo.apiauth.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** The users of the caller's company. Role checks live on the resource; company scoping lives here. */
@ApplicationScoped
@Transactional
public class UserService {

    /** An email another user already has, in any case (docs/decisions.md, "Emails"); provisioning too. */
    public static final String DUPLICATE_EMAIL = "A user with this email already exists";

    @Inject
    UserRepository users;

    @Inject
    PersonalAccessTokenRepository tokens;

    @Inject
    CredentialActions actions;

    @Inject
    OwnerAuthority ownerAuthority;

    @Inject
    ChangeNotices changes;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public User me(Caller caller) {
        return ofCompany(caller, caller.userId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<User> list(Caller caller) {
        return users.ofCompany(caller.companyId());
    }

    public User create(Caller caller, String email, String givenName, String familyName, Role role) {
        var assigned = role == null ? Role.MEMBER : role;
        requireAssignable(assigned);
        requireFreeEmail(caller.companyId(), email);
        var user = new User(caller.companyId(), email, givenName, familyName, assigned, clock.instant());
        users.add(user);
        audit.recordUserChange(AuditEventType.USER_CREATED, user, caller);
        return user;
    }

    public User update(Caller caller, String id, String email, String givenName, String familyName, Role role) {
        var user = ofCompany(caller, id);
        ownerAuthority.require(caller, user.role(), user.id(), "update the owner's account");
        boolean changed = false;
        if (email != null && !email.equalsIgnoreCase(user.email())) {
            requireFreeEmail(caller.companyId(), email);
            user.changeEmail(email);
            changed = true;
        }
        changed |= givenName != null && !givenName.equals(user.givenName())
                || familyName != null && !familyName.equals(user.familyName());
        user.rename(givenName, familyName);
        if (changed) {
            audit.recordUserChange(AuditEventType.USER_UPDATED, user, caller);
        }
        if (role != null && role != user.role()) {
            if (user.role() == Role.OWNER) {
                throw DomainException.invalid("The company owner's role cannot be changed");
            }
            requireAssignable(role);
            user.changeRole(role);
            changes.userChanged(user.id());
            audit.recordUserChange(AuditEventType.USER_ROLE_CHANGED, user, caller);
        }
        return user;
    }

    /** Deactivates the user and revokes its tokens; the row stays for the audit trail. */
    public void delete(Caller caller, String id) {
        var user = ofCompany(caller, id);
        if (user.role() == Role.OWNER) {
            throw DomainException.invalid("The company owner cannot be deleted");
        }
        user.deactivate();
        changes.userChanged(user.id());
        audit.recordUserChange(AuditEventType.USER_DELETED, user, caller);
        tokens.ofUser(user.id()).forEach(t -> actions.revoke(t, CredentialType.PERSONAL_ACCESS_TOKEN, caller));
    }

    private User ofCompany(Caller caller, String id) {
        return users.find(id)
                .filter(u -> u.belongsTo(caller.companyId()))
                .orElseThrow(() -> DomainException.notFound("User"));
    }

    private void requireFreeEmail(String companyId, String email) {
        if (users.emailTakenIn(companyId, email)) {
            throw DomainException.conflict(DUPLICATE_EMAIL);
        }
    }

    private static void requireAssignable(Role role) {
        if (role == Role.OWNER) {
            throw DomainException.invalid("role must be ADMIN or MEMBER: a company has exactly one owner");
        }
    }
}
