package com.meetergo.apiauth.domain.model.webhook;

import com.meetergo.apiauth.domain.model.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event for one endpoint: the outbox row, written in the transaction of the change it reports, with the body as it
 * will be sent. {@code messageId} is the {@code webhook-id}: the same on every attempt (receivers deduplicate by it).
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    @Id
    private String id;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(name = "endpoint_id", nullable = false)
    private String endpointId;

    @Column(name = "company_id", nullable = false)
    private String companyId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(nullable = false)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected WebhookDelivery() {}

    public WebhookDelivery(
            String messageId, WebhookEndpoint endpoint, WebhookEventType type, String payload, Instant createdAt) {
        this.id = Ids.timeOrdered();
        this.messageId = messageId;
        this.endpointId = endpoint.id();
        this.companyId = endpoint.companyId();
        this.eventType = type.apiName();
        this.payload = payload;
        this.createdAt = createdAt;
        this.status = Status.PENDING;
        this.nextAttemptAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String messageId() {
        return messageId;
    }

    public String endpointId() {
        return endpointId;
    }

    public String companyId() {
        return companyId;
    }

    public String eventType() {
        return eventType;
    }

    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    @Override
    public String toString() {
        return "WebhookDelivery[" + id + " " + eventType + " " + status + "]";
    }
}
