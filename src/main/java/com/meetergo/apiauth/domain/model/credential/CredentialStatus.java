package com.meetergo.apiauth.domain.model.credential;

/**
 * Where a credential stands. Stored (the sweep writes EXPIRED, the lifecycle actions the others) and also derived on
 * every read from the stored times, so that nothing waits for the sweep.
 */
public enum CredentialStatus {
    ACTIVE,
    DEACTIVATED,
    EXPIRED,
    REVOKED
}
