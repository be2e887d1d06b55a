package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.audit.AuditEventType;
import com.meetergo.apiauth.domain.model.credential.ApiKeyRepository;
import com.meetergo.apiauth.domain.model.credential.Credential;
import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.credential.IpAllowlist;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessTokenRepository;
import com.meetergo.apiauth.domain.model.credential.Scopes;
import com.meetergo.apiauth.domain.model.credential.StoredCredential;
import com.meetergo.apiauth.domain.model.user.Role;
import com.meetergo.apiauth.domain.shared.DomainException;
import com.meetergo.apiauth.security.Caller;
import com.meetergo.apiauth.security.contract.ScopeRefusals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lifecycle steps PATs and API keys share, each with its audit event, in the caller's transaction. */
@ApplicationScoped
public class CredentialActions {

    public static final String ROTATION_WIDENS = "A rotation keeps or narrows the scopes; it cannot add any";
    public static final String NOT_ROTATABLE = "Only an active credential that has not been rotated can be rotated";

    @Inject
    AuditTrail audit;

    @Inject
    ApiKeyRepository keys;

    @Inject
    PersonalAccessTokenRepository tokens;

    @Inject
    ChangeNotices changes;

    @Inject
    Clock clock;

    /** The credentials of {@code all} that are live and end within {@code days}; all of them when null. */
    public <T extends Credential> List<T> dueWithin(List<T> all, Integer days) {
        if (days == null) {
            return all;
        }
        var now = clock.instant();
        var horizon = now.plus(Duration.ofDays(days));
        return all.stream()
                .filter(c -> c.statusAt(now) == CredentialStatus.ACTIVE
                        && c.expiresAt() != null
                        && c.expiresAt().isBefore(horizon))
                .toList();
    }

    public void deactivate(Credential credential, CredentialType kind, Caller actor) {
        credential.deactivate(clock.instant());
        changes.credentialChanged(credential.id());
        audit.record(AuditEventType.DEACTIVATED, credential, kind, actor);
    }

    public void activate(Credential credential, CredentialType kind, Caller actor) {
        credential.activate(clock.instant());
        changes.credentialChanged(credential.id());
        audit.record(AuditEventType.ACTIVATED, credential, kind, actor);
    }

    public void revoke(Credential credential, CredentialType kind, Caller actor) {
        credential.revoke(clock.instant());
        changes.credentialChanged(credential.id());
        audit.record(AuditEventType.REVOKED, credential, kind, actor);
    }

    /**
     * Replaces where {@code credential} may be used from ({@code entries}: addresses and CIDR ranges; empty is
     * anywhere); every server applies it within a poll of the change notices.
     */
    public void allowFrom(StoredCredential credential, CredentialType kind, Caller actor, List<String> entries) {
        credential.allowFrom(IpAllowlist.named(entries));
        changes.credentialChanged(credential.id());
        audit.recordAllowedIps(credential, kind, actor);
    }

    /**
     * The allowlist a new credential starts with: {@code requested}, else anywhere on creation, the old one's on
     * rotation.
     */
    public IpAllowlist allowlistFor(List<String> requested, Credential rotated) {
        return requested != null
                ? IpAllowlist.named(requested)
                : rotated != null ? rotated.allowedIps() : IpAllowlist.ANYWHERE;
    }

    /**
     * Refuses a rotation that cannot happen; else when the old secret stops: after the grace, never past its expiry.
     */
    public Instant graceUntil(Credential old, int gracePeriodSeconds) {
        var now = clock.instant();
        if (!old.rotatableAt(now)) {
            throw DomainException.conflict(NOT_ROTATABLE);
        }
        var end = now.plus(Duration.ofSeconds(gracePeriodSeconds));
        return old.expiresAt() != null && old.expiresAt().isBefore(end) ? old.expiresAt() : end;
    }

    /** Second half of a rotation: the conditional update that only one of concurrent rotations wins. */
    public void completeRotation(boolean won, Credential old, Credential successor, CredentialType kind, Caller actor) {
        if (!won) {
            throw DomainException.conflict("The credential was rotated by another request at the same time");
        }
        changes.credentialChanged(old.id());
        audit.recordRotated(old, successor, kind, actor);
        audit.recordCreated(successor, kind, actor);
    }

    /**
     * The scopes a new credential holds: those {@code requested} (null: every scope on creation, the old credential's
     * on rotation). A name that is no scope is 400; no request mints a credential that can do more than its own (403: a
     * narrow credential cannot launder itself into a broad one, by creation or by rotation); and a rotation keeps or
     * narrows, never widens (400: a broad caller rotating a narrow credential makes a new one with the same or fewer
     * scopes).
     */
    public Scopes scopesFor(Caller caller, List<String> requested, Credential rotated) {
        var scopes = requested != null ? Scopes.named(requested) : rotated != null ? rotated.scopes() : Scopes.FULL;
        if (!caller.scopes().cover(scopes)) {
            throw DomainException.forbidden(ScopeRefusals.ESCALATION);
        }
        if (rotated != null && !rotated.scopes().cover(scopes)) {
            throw DomainException.invalid(ROTATION_WIDENS);
        }
        return scopes;
    }

    /**
     * Who mints a credential for this request, the latest it may expire, and the authority it holds: a credential never
     * outlives the credential that minted it, nor holds more authority than the request that minted it
     * ({@link Caller#authority()}: a key an admin minted mints nothing that holds the owner's). A rotation by the old
     * credential itself (a script renewing its PAT) keeps the old one's lineage; any other caller mints the successor,
     * since it receives the new secret. A credential already replaced (in its grace period after a rotation) mints
     * nothing: the grace keeps its traffic running while its holder moves to the successor, and a rotation for a
     * suspected leak must not leave the leaked secret able to mint fresh credentials (403).
     */
    public Lineage lineage(Caller caller, Credential rotated) {
        var own = rotated != null && caller.credentialId().equals(rotated.id())
                ? Optional.of(rotated)
                : credential(caller.credentialId());
        if (own.map(c -> c.lifecycle().replacedBy() != null).orElse(false)) {
            throw DomainException.forbidden(REPLACED_MINTS);
        }
        if (rotated != null && caller.credentialId().equals(rotated.id())) {
            var minter = rotated.lifecycle().mintedBy();
            return new Lineage(
                    minter,
                    minter == null
                            ? null
                            : credential(minter).map(Credential::expiresAt).orElse(null),
                    rotated.authority());
        }
        return new Lineage(caller.credentialId(), own.map(Credential::expiresAt).orElse(null), caller.authority());
    }

    public static final String REPLACED_MINTS =
            "A rotated credential cannot create or rotate credentials; use the credential that replaced it";

    private Optional<? extends Credential> credential(String id) {
        return keys.find(id).map(Credential.class::cast).or(() -> tokens.find(id));
    }

    /**
     * The credential that mints, the instant the new one may not pass (null: no bound), and the authority the new one
     * holds (null: that of its acting user, for the platform's sign-up and the first start).
     */
    public record Lineage(String mintedBy, Instant notAfter, Role authority) {

        /** The platform's own: the sign-up's and the first start's owner token. */
        public static Lineage platform() {
            return new Lineage(null, null, null);
        }

        /** The requested expiry, brought within the minter's (null: never expires, unless bounded). */
        public Instant bound(Instant requested) {
            return earliest(requested, notAfter);
        }

        /** The authority a credential acting as {@code user} holds: never more than that user's role. */
        public Role authorityOf(Role user) {
            return user.atMost(authority);
        }

        /** The earlier of two ends, null being none. */
        public static Instant earliest(Instant requested, Instant notAfter) {
            if (notAfter == null) {
                return requested;
            }
            return requested == null || requested.isAfter(notAfter) ? notAfter : requested;
        }
    }

    /**
     * A credential reported leaked takes every credential its requests minted with it, and theirs in turn: whoever held
     * the leaked secret could have minted them (each revocation audited as revoked_with_creator, naming the leaked
     * credential).
     */
    public void revokeMintedBy(Credential leaked) {
        var now = clock.instant();
        var pending = new ArrayDeque<String>(List.of(leaked.id()));
        var seen = new HashSet<String>(pending);
        while (!pending.isEmpty()) {
            var creator = pending.poll();
            var minted = new ArrayList<Map.Entry<Credential, CredentialType>>();
            keys.mintedBy(creator).forEach(k -> minted.add(Map.entry(k, CredentialType.API_KEY)));
            tokens.mintedBy(creator).forEach(t -> minted.add(Map.entry(t, CredentialType.PERSONAL_ACCESS_TOKEN)));
            for (var entry : minted) {
                var credential = entry.getKey();
                if (!seen.add(credential.id())) {
                    continue;
                }
                pending.add(credential.id());
                var status = credential.statusAt(now);
                if (status == CredentialStatus.ACTIVE || status == CredentialStatus.DEACTIVATED) {
                    credential.revoke(now);
                    changes.credentialChanged(credential.id());
                    audit.recordMintedByLeaked(credential, entry.getValue(), leaked.id());
                }
            }
        }
    }
}
