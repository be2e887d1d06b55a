package com.meetergo.apiauth.domain.model.audit;

public enum AuditEventType {
    CREATED, ROTATED, DEACTIVATED, ACTIVATED, REVOKED, REVOKED_LEAKED, EXPIRED, EXPIRING_SOON, IMPERSONATION,
    /** Revoked with the leaked credential that minted it (actorCredentialId names that one). */
    REVOKED_WITH_CREATOR,
    /** A change to a user (subjectUserId), by the actor credential and user; no credential of its own. */
    USER_CREATED, USER_UPDATED, USER_ROLE_CHANGED, USER_DELETED,
    /** The company's plan changed (detail: "OLD -> NEW"), by the platform's provisioning. */
    PLAN_CHANGED,
    /** A credential's IP allowlist replaced (detail: the new list, or "allowedIps: anywhere"). */
    ALLOWED_IPS_CHANGED;

    /** The name in the API: {@code expiring_soon}, {@code revoked_leaked}, … */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
