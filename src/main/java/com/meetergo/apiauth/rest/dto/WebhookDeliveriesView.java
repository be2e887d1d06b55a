package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.webhook.WebhookAttempt;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint's delivery attempts, newest first. */
@JsonbPropertyOrder({"endpointId", "deliveries"})
public record WebhookDeliveriesView(String endpointId, List<Attempt> deliveries) {

    public static WebhookDeliveriesView of(String endpointId, List<WebhookAttempt> attempts) {
        return new WebhookDeliveriesView(
                endpointId,
                attempts.stream()
                        .map(a -> new Attempt(
                                a.messageId(),
                                a.eventType(),
                                a.attemptedAt(),
                                a.statusCode(),
                                a.durationMs(),
                                a.error()))
                        .toList());
    }

    @JsonbPropertyOrder({"messageId", "event", "attemptedAt", "statusCode", "durationMs", "error"})
    public record Attempt(
            @Schema(description = "The webhook-id header: the same on every attempt of one event")
            String messageId,

            @Schema(description = "The event, e.g. credential.revoked")
            String event,

            Instant attemptedAt,

            @Schema(nullable = true, description = "The endpoint's answer; null if none came")
            Integer statusCode,

            long durationMs,

            @Schema(
                    nullable = true,
                    description = "What went wrong: \"HTTP 500\", \"timed out after 10 s\", \"connection "
                            + "refused\", \"target refused: …\"")
            String error) {}
}
