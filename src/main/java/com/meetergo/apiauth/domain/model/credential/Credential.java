package com.meetergo.apiauth.domain.model.credential;

import com.meetergo.apiauth.domain.model.user.Role;
import java.time.Instant;

/**
 * What PATs and API keys share: an id, a company, a stored digest, a {@link CredentialLifecycle} and {@link Scopes}.
 */
public interface Credential {

    String id();

    String companyId();

    /** Null once erased, a retention period after the credential ended. */
    String secretDigest();

    CredentialLifecycle lifecycle();

    /** What the credential may do (within what its acting user's role allows). */
    Scopes scopes();

    /** Where the credential may be used from (checked once its secret is proven). */
    IpAllowlist allowedIps();

    default CredentialStatus statusAt(Instant now) {
        return lifecycle().statusAt(now);
    }

    /** The most this credential may do, whoever it acts as ({@link CredentialLifecycle#authority()}). */
    default Role authority() {
        return lifecycle().authority();
    }

    default Instant createdAt() {
        return lifecycle().createdAt();
    }

    default Instant expiresAt() {
        return lifecycle().expiresAt();
    }

    /** When it stops working if nothing else happens: its expiry, or the end of its grace when sooner; null: never. */
    default Instant endsAt() {
        var expires = lifecycle().expiresAt();
        var grace = lifecycle().graceUntil();
        return grace == null ? expires : expires == null || grace.isBefore(expires) ? grace : expires;
    }

    default void deactivate(Instant now) {
        lifecycle().deactivate(now);
    }

    default void activate(Instant now) {
        lifecycle().activate(now);
    }

    default void revoke(Instant now) {
        lifecycle().revoke(now);
    }

    default boolean rotatableAt(Instant now) {
        return lifecycle().rotatableAt(now);
    }
}
