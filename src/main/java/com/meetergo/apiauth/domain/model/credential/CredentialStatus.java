package com.meetergo.apiauth.domain.model.credential;

import java.time.Instant;

public enum CredentialStatus {
    ACTIVE, EXPIRED, REVOKED;

    /** Derived on read from the stored times: expiry never waits for a cleanup job. */
    static CredentialStatus at(Instant now, Instant expiresAt, Instant revokedAt) {
        if (revokedAt != null) {
            return REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return EXPIRED;
        }
        return ACTIVE;
    }
}
