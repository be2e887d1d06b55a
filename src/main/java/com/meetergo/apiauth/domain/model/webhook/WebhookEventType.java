package com.meetergo.apiauth.domain.model.webhook;

import com.meetergo.apiauth.domain.model.audit.AuditEventType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a webhook endpoint can subscribe to, by its API name; each (but the test) reports an audit event. */
public enum WebhookEventType {
    CREDENTIAL_CREATED("credential.created"),
    CREDENTIAL_ROTATED("credential.rotated"),
    CREDENTIAL_REVOKED("credential.revoked"),
    CREDENTIAL_EXPIRING_SOON("credential.expiring_soon"),
    CREDENTIAL_EXPIRED("credential.expired"),
    CREDENTIAL_NEW_SOURCE("credential.new_source"),
    COMPANY_PLAN_CHANGED("company.plan_changed"),
    COMPANY_TOKEN_POLICY_CHANGED("company.token_policy_changed"),
    WEBHOOK_TEST("webhook.test");

    private final String apiName;

    WebhookEventType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<WebhookEventType> ofApiName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.apiName.equals(name == null ? null : name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The webhook event that reports an audit event, if any does (deactivation, for one, is not sent). */
    public static Optional<WebhookEventType> reporting(AuditEventType audit) {
        return Optional.ofNullable(
                switch (audit) {
                    case CREATED -> CREDENTIAL_CREATED;
                    case ROTATED -> CREDENTIAL_ROTATED;
                    case REVOKED, REVOKED_LEAKED, REVOKED_WITH_CREATOR -> CREDENTIAL_REVOKED;
                    case EXPIRING_SOON -> CREDENTIAL_EXPIRING_SOON;
                    case EXPIRED -> CREDENTIAL_EXPIRED;
                    case NEW_SOURCE -> CREDENTIAL_NEW_SOURCE;
                    case PLAN_CHANGED -> COMPANY_PLAN_CHANGED;
                    case TOKEN_POLICY_CHANGED -> COMPANY_TOKEN_POLICY_CHANGED;
                    default -> null;
                });
    }
}
