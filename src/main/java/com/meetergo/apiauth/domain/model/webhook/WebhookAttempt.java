package com.meetergo.apiauth.domain.model.webhook;

import com.meetergo.apiauth.domain.model.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One try to send a delivery: the answer's status code (none if no answer came), how long it took, what went wrong. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    @Id
    private String id;

    @Column(name = "delivery_id", nullable = false)
    private String deliveryId;

    @Column(name = "endpoint_id", nullable = false)
    private String endpointId;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(name = "status_code")
    private Integer statusCode;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @Column
    private String error;

    protected WebhookAttempt() {}

    public WebhookAttempt(
            WebhookDelivery delivery, Instant attemptedAt, Integer statusCode, long durationMs, String error) {
        this.id = Ids.timeOrdered();
        this.deliveryId = delivery.id();
        this.endpointId = delivery.endpointId();
        this.messageId = delivery.messageId();
        this.eventType = delivery.eventType();
        this.attemptedAt = attemptedAt;
        this.statusCode = statusCode;
        this.durationMs = durationMs;
        this.error = error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    public String messageId() {
        return messageId;
    }

    public String eventType() {
        return eventType;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public Integer statusCode() {
        return statusCode;
    }

    public long durationMs() {
        return durationMs;
    }

    public String error() {
        return error;
    }
}
