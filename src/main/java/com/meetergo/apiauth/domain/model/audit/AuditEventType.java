package com.meetergo.apiauth.domain.model.audit;

public enum AuditEventType {
    CREATED, ROTATED, DEACTIVATED, ACTIVATED, REVOKED, REVOKED_LEAKED, EXPIRED, EXPIRING_SOON, IMPERSONATION;

    /** The name in the API: {@code expiring_soon}, {@code revoked_leaked}, … */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
