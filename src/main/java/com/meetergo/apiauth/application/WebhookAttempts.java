package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.audit.AuditEventType;
import com.meetergo.apiauth.domain.model.webhook.RetrySchedule;
import com.meetergo.apiauth.domain.model.webhook.WebhookAttempt;
import com.meetergo.apiauth.domain.model.webhook.WebhookDelivery;
import com.meetergo.apiauth.domain.model.webhook.WebhookEndpoint;
import com.meetergo.apiauth.domain.model.webhook.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dispatcher's transactions, each short and its own: finding due deliveries, claiming one (one conditional update:
 * of several servers, one wins), and recording an attempt's outcome with what follows from it (delivered; retried by
 * {@link RetrySchedule}; failed; an endpoint failing for 3 days disabled and audited). Nothing is sent inside a
 * transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class WebhookAttempts {

    /** The outcome of one attempt. */
    public enum Result {
        DELIVERED,
        RETRYING,
        FAILED
    }

    private final RetrySchedule schedule = new RetrySchedule(new SecureRandom());

    @Inject
    WebhookRepository webhooks;

    @Inject
    AuditTrail audit;

    /** An endpoint that has failed every attempt for this long is disabled (3 days). */
    @Inject
    @ConfigProperty(name = "apiauth.webhook.disable-after", defaultValue = "P3D")
    Duration disableAfter;

    public List<WebhookRepository.DueEndpoint> endpointsDue(Instant now, boolean slow, int limit) {
        return webhooks.endpointsDue(now, slow, limit);
    }

    /**
     * The fast lane cut the attempt: not one of the endpoint's attempts (nothing is recorded, the retry schedule is
     * untouched); the endpoint moves to the slow lane, and the delivery is due again at once there. True when this
     * moved the endpoint (not another attempt to it, cut beside this one).
     */
    public boolean slowLane(WebhookDelivery delivery, String server, Instant now) {
        webhooks.unclaim(delivery.id(), server);
        return webhooks.slow(delivery.endpointId(), now);
    }

    /**
     * An attempt in the slow lane was answered within the fast lane's time: the endpoint moves back (true if this moved
     * it).
     */
    public boolean fastLane(String endpointId) {
        return webhooks.fast(endpointId);
    }

    public List<WebhookDelivery> due(String endpointId, Instant now, int limit) {
        return webhooks.due(endpointId, now, limit);
    }

    public boolean claim(String deliveryId, String server, Instant now, Instant until) {
        return webhooks.claim(deliveryId, server, now, until);
    }

    public Optional<WebhookEndpoint> endpoint(String id) {
        return webhooks.findEndpoint(id);
    }

    public Result record(WebhookDelivery delivery, Integer statusCode, long durationMs, String error, Instant at) {
        var attempt = new WebhookAttempt(delivery, at, statusCode, durationMs, error);
        webhooks.addAttempt(attempt);
        int attempts = delivery.attempts() + 1;
        if (attempt.succeeded()) {
            webhooks.delivered(delivery.id(), attempts, at);
            webhooks.succeeding(delivery.endpointId());
            return Result.DELIVERED;
        }
        webhooks.failing(delivery.endpointId(), at);
        if (webhooks.disableIfFailingSince(delivery.endpointId(), at.minus(disableAfter), at)) {
            webhooks.findEndpoint(delivery.endpointId())
                    .ifPresent(e -> audit.recordWebhookEndpoint(AuditEventType.WEBHOOK_ENDPOINT_DISABLED, e, null));
        }
        var next = schedule.next(delivery.createdAt(), attempts, at);
        if (next.isPresent()) {
            webhooks.retryAt(delivery.id(), attempts, next.get());
            return Result.RETRYING;
        }
        webhooks.failed(delivery.id(), attempts, at);
        return Result.FAILED;
    }
}
