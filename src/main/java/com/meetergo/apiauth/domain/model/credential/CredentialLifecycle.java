package com.meetergo.apiauth.domain.model.credential;

import com.meetergo.apiauth.domain.model.user.Role;
import com.meetergo.apiauth.domain.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Objects;

/**
 * The life of a credential, the same for PATs and API keys: active until it expires, unless it is deactivated
 * (reversible), revoked (final) or rotated (it then keeps working until the end of its grace period, never past its own
 * expiry). Every decision reads the times against "now": the stored status is a summary the sweep keeps, never the only
 * word.
 */
@Embeddable
public class CredentialLifecycle {

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private CredentialStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Column(name = "replaced_by")
    private String replacedBy;

    @Column(name = "rotated_from")
    private String rotatedFrom;

    /**
     * The credential whose request minted this one (null: the platform's sign-up or the first start). It is never to
     * outlive that one, and dies with it when that one is reported leaked.
     */
    @Column(name = "minted_by")
    private String mintedBy;

    /**
     * The most the credential may do, whoever it acts as: the authority of the request that minted it (its acting
     * user's role, capped by that request's own credential's authority). A key an admin minted acts as the owner where
     * any key may, but holds no owner authority: the owner's account and credentials stay the owner's.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "authority", nullable = false)
    private Role authority;

    @Column(name = "grace_until")
    private Instant graceUntil;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "last_used_ip")
    private String lastUsedIp;

    /** Set by the sweep when it records the expiring_soon event, so that it records it once. */
    @Column(name = "expiry_warned_at")
    private Instant expiryWarnedAt;

    @Column(name = "digest_erased_at")
    private Instant digestErasedAt;

    protected CredentialLifecycle() {}

    CredentialLifecycle(Instant createdAt, Instant expiresAt, String rotatedFrom, String mintedBy, Role authority) {
        this.status = CredentialStatus.ACTIVE;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.rotatedFrom = rotatedFrom;
        this.mintedBy = mintedBy;
        this.authority = Objects.requireNonNull(authority, "authority");
    }

    public CredentialStatus statusAt(Instant now) {
        if (status == CredentialStatus.REVOKED || graceUntil != null && !now.isBefore(graceUntil)) {
            return CredentialStatus.REVOKED;
        }
        if (status == CredentialStatus.EXPIRED || expiresAt != null && !now.isBefore(expiresAt)) {
            return CredentialStatus.EXPIRED;
        }
        return status;
    }

    void deactivate(Instant now) {
        if (statusAt(now) != CredentialStatus.ACTIVE) {
            throw DomainException.conflict("Only an active credential can be deactivated");
        }
        status = CredentialStatus.DEACTIVATED;
        deactivatedAt = now;
    }

    void activate(Instant now) {
        if (statusAt(now) != CredentialStatus.DEACTIVATED) {
            throw DomainException.conflict("Only a deactivated credential can be activated");
        }
        status = CredentialStatus.ACTIVE;
        deactivatedAt = null;
    }

    /** Final; revoking twice is harmless. */
    void revoke(Instant now) {
        if (status != CredentialStatus.REVOKED) {
            status = CredentialStatus.REVOKED;
            revokedAt = now;
        }
    }

    /** Whether this credential may be replaced now: active, and not replaced already. */
    boolean rotatableAt(Instant now) {
        return statusAt(now) == CredentialStatus.ACTIVE && replacedBy == null;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String replacedBy() {
        return replacedBy;
    }

    public String rotatedFrom() {
        return rotatedFrom;
    }

    public String mintedBy() {
        return mintedBy;
    }

    public Role authority() {
        return authority;
    }

    public Instant graceUntil() {
        return graceUntil;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public String lastUsedIp() {
        return lastUsedIp;
    }
}
