package com.meetergo.apiauth.domain.model.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum AuditEventType {
    CREATED,
    ROTATED,
    DEACTIVATED,
    ACTIVATED,
    REVOKED,
    REVOKED_LEAKED,
    EXPIRED,
    EXPIRING_SOON,
    IMPERSONATION,
    /** Revoked with the leaked credential that minted it (actorCredentialId names that one). */
    REVOKED_WITH_CREATOR,
    /** A change to a user (subjectUserId), by the actor credential and user; no credential of its own. */
    USER_CREATED,
    USER_UPDATED,
    USER_ROLE_CHANGED,
    USER_DELETED,
    /** The company's plan changed (detail: "OLD -> NEW"), by the platform's provisioning. */
    PLAN_CHANGED,
    /** A credential's IP allowlist replaced (detail: the new list, or "allowedIps: anywhere"). */
    ALLOWED_IPS_CHANGED,
    /**
     * A credential served a request from a network it was not used from in the last 30 days, after its first day of use
     * (sourceIp: the address; detail: "network 203.0.113.0/24"). Named as its requirement names it,
     * {@code credential.new_source} (docs/decisions.md).
     */
    NEW_SOURCE("credential.new_source"),
    /**
     * A webhook endpoint registered, deleted, its secret rotated, disabled after failing for 3 days (by the server: no
     * actor), or enabled again (detail: "endpoint ID URL").
     */
    WEBHOOK_ENDPOINT_CREATED,
    WEBHOOK_ENDPOINT_DELETED,
    WEBHOOK_ENDPOINT_SECRET_ROTATED,
    WEBHOOK_ENDPOINT_DISABLED,
    WEBHOOK_ENDPOINT_ENABLED,
    /**
     * A request without the owner's authority tried what only the owner does (subjectUserId: the owner; detail: what it
     * tried), e.g. an admin through a key it minted, naming the owner.
     */
    OWNER_ACTION_REFUSED,
    /**
     * The company's token policy changed (detail: "maxPersonalAccessTokenLifetimeDays: OLD -> NEW", none for no limit).
     */
    TOKEN_POLICY_CHANGED;

    private final String apiName;

    AuditEventType() {
        this.apiName = name().toLowerCase(Locale.ROOT);
    }

    AuditEventType(String apiName) {
        this.apiName = apiName;
    }

    /** The name in the API: {@code expiring_soon}, {@code revoked_leaked}, {@code credential.new_source}, … */
    public String apiName() {
        return apiName;
    }

    /** The type of an API name, if there is one. */
    public static Optional<AuditEventType> ofApiName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.apiName.equalsIgnoreCase(name))
                .findFirst();
    }
}
