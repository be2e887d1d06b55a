package com.meetergo.apiauth.domain.model.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where a company wants its credential events: an https URL and the events it subscribed to. Its signing secret is not
 * stored; {@code secretVersion} names it (derived from the pepper), and after a rotation the previous version keeps
 * signing until {@code previousSecretUntil}.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    /** How long the secret before a rotation keeps signing beside the new one. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    @Id
    private String id;

    @Column(name = "company_id", nullable = false)
    private String companyId;

    @Column(nullable = false)
    private String url;

    /** The subscribed events' API names, comma-separated. */
    @Column(nullable = false)
    private String events;

    @Column(name = "secret_version", nullable = false)
    private int secretVersion;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    /** Since when its attempts run in the slow lane (null: the fast lane; docs/webhooks.md "Fairness"). */
    @Column(name = "slow_since")
    private Instant slowSince;

    protected WebhookEndpoint() {}

    public WebhookEndpoint(
            String companyId, String url, Set<WebhookEventType> events, String createdBy, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.companyId = companyId;
        this.url = url;
        this.events = events.stream().map(WebhookEventType::apiName).collect(Collectors.joining(","));
        this.secretVersion = 1;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String companyId() {
        return companyId;
    }

    public String url() {
        return url;
    }

    /** In the enum's order. */
    public Set<WebhookEventType> events() {
        var set = EnumSet.noneOf(WebhookEventType.class);
        Arrays.stream(events.split(",")).map(WebhookEventType::ofApiName).forEach(t -> t.ifPresent(set::add));
        return set;
    }

    public boolean subscribedTo(WebhookEventType type) {
        return type == WebhookEventType.WEBHOOK_TEST || events().contains(type);
    }

    public int secretVersion() {
        return secretVersion;
    }

    /** The secret versions that sign at {@code now}: the current one, and the one before for a day after a rotation. */
    public int[] signingVersions(Instant now) {
        if (previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            return new int[] {secretVersion, secretVersion - 1};
        }
        return new int[] {secretVersion};
    }

    public void rotateSecret(Instant now) {
        secretVersion++;
        previousSecretUntil = now.plus(ROTATION_OVERLAP);
    }

    /** Enabled again (after it was disabled): it is no longer failing until an attempt fails. */
    public void enable() {
        disabledAt = null;
        failingSince = null;
    }

    public Instant previousSecretUntil() {
        return previousSecretUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant failingSince() {
        return failingSince;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    public Instant slowSince() {
        return slowSince;
    }

    public boolean disabled() {
        return disabledAt != null;
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[" + id + "]";
    }
}
