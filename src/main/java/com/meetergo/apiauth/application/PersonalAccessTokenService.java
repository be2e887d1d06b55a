package com.meetergo.apiauth.application;

import com.meetergo.apiauth.application.CredentialActions.Lineage;
import com.meetergo.apiauth.domain.model.company.CompanyRepository;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.credential.IpAllowlist;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessToken;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessTokenRepository;
import com.meetergo.apiauth.domain.model.credential.Scopes;
import com.meetergo.apiauth.domain.model.usage.DailyUsage;
import com.meetergo.apiauth.domain.model.usage.NetworkSource;
import com.meetergo.apiauth.domain.model.user.User;
import com.meetergo.apiauth.domain.model.user.UserRepository;
import com.meetergo.apiauth.domain.shared.DomainException;
import com.meetergo.apiauth.security.Caller;
import com.meetergo.apiauth.security.credential.CredentialIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

@ApplicationScoped
@Transactional
public class PersonalAccessTokenService {

    private static final CredentialType KIND = CredentialType.PERSONAL_ACCESS_TOKEN;

    @Inject
    PersonalAccessTokenRepository tokens;

    @Inject
    UserRepository users;

    @Inject
    CredentialIssuer issuer;

    @Inject
    CompanyRepository companies;

    @Inject
    CredentialActions actions;

    @Inject
    AuditTrail audit;

    @Inject
    OwnerAuthority ownerAuthority;

    @Inject
    UsageLedger ledger;

    @Inject
    SourceLedger sourceLedger;

    @Inject
    Clock clock;

    /**
     * A new PAT for the acting user; {@code scopes}: the API's scope names, null for full access; {@code allowedIps}:
     * null or empty for anywhere.
     */
    public NewToken create(
            Caller caller, String name, Instant expiresAt, List<String> scopes, List<String> allowedIps) {
        var granted = actions.scopesFor(caller, scopes, null);
        var allowlist = actions.allowlistFor(allowedIps, null);
        var user = users.find(caller.userId()).orElseThrow(() -> DomainException.notFound("User"));
        ownerAuthority.require(caller, user.role(), user.id(), "create a personal access token that acts as the owner");
        var created = issue(user, name, expiresAt, granted, allowlist, null, actions.lineage(caller, null));
        audit.recordCreated(created.token(), KIND, caller);
        return created;
    }

    /** A token of {@code owner}; {@code lineage} says which credential mints it and how long it may live. */
    NewToken issue(
            User owner,
            String name,
            Instant requestedExpiry,
            Scopes scopes,
            IpAllowlist allowlist,
            String rotatedFrom,
            Lineage lineage) {
        var company = companies.find(owner.companyId()).orElseThrow(() -> DomainException.notFound("Company"));
        company.requireIncluded(KIND);
        var now = clock.instant();
        // Whole milliseconds, as every time of the API: what the answer shows is what is stored.
        var requested = requestedExpiry == null ? null : requestedExpiry.truncatedTo(ChronoUnit.MILLIS);
        if (requested != null && !requested.isAfter(now)) {
            throw DomainException.invalid("expiresAt must be in the future");
        }
        var expiresAt = lineage.bound(requested);
        var policy = company.maxPatLifetimeDays();
        if (policy != null) {
            expiresAt = Lineage.earliest(expiresAt, now.plus(Duration.ofDays(policy)));
        }
        var issued = issuer.newPersonalAccessToken();
        var token = new PersonalAccessToken(
                owner.id(),
                owner.companyId(),
                name,
                issued.digest(),
                issued.hint(),
                scopes,
                now,
                expiresAt,
                rotatedFrom,
                lineage.mintedBy(),
                lineage.authorityOf(owner.role()));
        token.allowFrom(allowlist);
        tokens.add(token);
        return new NewToken(token, issued.secret());
    }

    /** The acting user's tokens; with {@code expiringWithinDays}, only the live ones ending within it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PersonalAccessToken> list(Caller caller, Integer expiringWithinDays) {
        return actions.dueWithin(tokens.ofUser(caller.userId()), expiringWithinDays);
    }

    /** One of the acting user's own tokens' requests per day (as the list: their own only; else 404). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DailyUsage> usage(Caller caller, String id, int days) {
        var token = tokens.find(id)
                .filter(t -> t.userId().equals(caller.userId()))
                .orElseThrow(() -> DomainException.notFound("Personal access token"));
        return ledger.lastDays(token.id(), days);
    }

    /** Replaces where the token may be used from (empty: anywhere); the same callers as revoking it. */
    public PersonalAccessToken allowFrom(Caller caller, String id, List<String> allowedIps) {
        var token = manageable(caller, id, "change the allowlist of a personal access token of the owner");
        actions.allowFrom(token, KIND, caller, allowedIps);
        return token;
    }

    /** The networks one of the acting user's own tokens was used from (as the list: their own only; else 404). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NetworkSource> sources(Caller caller, String id) {
        var token = tokens.find(id)
                .filter(t -> t.userId().equals(caller.userId()))
                .orElseThrow(() -> DomainException.notFound("Personal access token"));
        return sourceLedger.of(token.id());
    }

    public void revoke(Caller caller, String id) {
        actions.revoke(manageable(caller, id, "revoke a personal access token of the owner"), KIND, caller);
    }

    public void deactivate(Caller caller, String id) {
        actions.deactivate(manageable(caller, id, "deactivate a personal access token of the owner"), KIND, caller);
    }

    public void activate(Caller caller, String id) {
        actions.activate(manageable(caller, id, "activate a personal access token of the owner"), KIND, caller);
    }

    /**
     * A new token for the same owner, with the old one's name and expiry span; the old one keeps working until the
     * grace period ends. Only the owner rotates a token: the new secret is theirs.
     */
    public NewToken rotate(
            Caller caller, String id, int gracePeriodSeconds, Integer expiresInDays, List<String> scopes) {
        var old = tokens.find(id)
                .filter(t -> t.userId().equals(caller.userId()))
                .orElseThrow(() -> DomainException.notFound("Personal access token"));
        return rotate(caller, old, gracePeriodSeconds, expiresInDays, scopes);
    }

    /** Rotates the very token the request was made with. */
    public NewToken rotateSelf(Caller caller, int gracePeriodSeconds, Integer expiresInDays, List<String> scopes) {
        if (caller.credentialType() != KIND) {
            throw DomainException.invalid(
                    "'self' is the personal access token of the request; this request used an API key");
        }
        return rotate(caller, caller.credentialId(), gracePeriodSeconds, expiresInDays, scopes);
    }

    private NewToken rotate(
            Caller caller,
            PersonalAccessToken old,
            int gracePeriodSeconds,
            Integer expiresInDays,
            List<String> scopes) {
        var graceUntil = actions.graceUntil(old, gracePeriodSeconds);
        var now = clock.instant();
        Instant expiresAt = expiresInDays != null
                ? now.plus(Duration.ofDays(expiresInDays))
                : old.expiresAt() == null ? null : now.plus(Duration.between(old.createdAt(), old.expiresAt()));
        var owner = users.find(old.userId()).orElseThrow(() -> DomainException.notFound("User"));
        ownerAuthority.require(caller, owner.role(), owner.id(), "rotate a personal access token of the owner");
        var successor = issue(
                owner,
                old.name(),
                expiresAt,
                actions.scopesFor(caller, scopes, old),
                actions.allowlistFor(null, old),
                old.id(),
                actions.lineage(caller, old));
        actions.completeRotation(
                tokens.markReplaced(old.id(), successor.token().id(), graceUntil),
                old,
                successor.token(),
                KIND,
                caller);
        return successor;
    }

    /**
     * One of the caller's own tokens; owners and admins may act on any of their company's, but on the owner's tokens
     * only the owner, with the owner's authority ({@link OwnerAuthority}).
     */
    private PersonalAccessToken manageable(Caller caller, String id, String attempt) {
        var token = tokens.find(id)
                .filter(t -> t.userId().equals(caller.userId())
                        || caller.managesCompany() && t.companyId().equals(caller.companyId()))
                .orElseThrow(() -> DomainException.notFound("Personal access token"));
        users.find(token.userId())
                .ifPresent(holder -> ownerAuthority.require(caller, holder.role(), holder.id(), attempt));
        return token;
    }

    /** A just-created token; {@code secret} is the token itself, shown once. */
    public record NewToken(PersonalAccessToken token, String secret) {

        @Override
        public String toString() {
            return "NewToken[id=" + token.id() + "]";
        }
    }
}
