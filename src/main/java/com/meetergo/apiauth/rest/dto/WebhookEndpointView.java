package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.application.WebhookService;
import com.meetergo.apiauth.domain.model.webhook.WebhookEndpoint;
import com.meetergo.apiauth.domain.model.webhook.WebhookEventType;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook endpoint as lists show it: never its secret. */
@JsonbPropertyOrder({"id", "url", "events", "createdAt", "failingSince", "disabledAt"})
public record WebhookEndpointView(
        String id,
        String url,
        List<String> events,
        Instant createdAt,

        @Schema(nullable = true, description = "Since when every attempt to it has failed; null while it delivers")
        Instant failingSince,

        @Schema(nullable = true, description = "When it was disabled after failing for 3 days; its deliveries wait")
        Instant disabledAt) {

    public static WebhookEndpointView of(WebhookEndpoint e) {
        return new WebhookEndpointView(e.id(), e.url(), names(e), e.createdAt(), e.failingSince(), e.disabledAt());
    }

    static List<String> names(WebhookEndpoint e) {
        return e.events().stream().map(WebhookEventType::apiName).toList();
    }

    /** The answer to a test: the event's webhook-id. */
    public record Queued(
            @Schema(description = "The webhook-id of the queued webhook.test event")
            String messageId) {}

    /** The answer to a creation or a secret rotation: the signing secret, this once. */
    @JsonbPropertyOrder({"id", "url", "events", "createdAt", "secret"})
    public record WithSecret(
            String id,
            String url,
            List<String> events,
            Instant createdAt,

            @Schema(description = "The signing secret (whsec_…), in this answer only")
            String secret) {

        public static WithSecret of(WebhookService.WithSecret created) {
            var e = created.endpoint();
            return new WithSecret(e.id(), e.url(), names(e), e.createdAt(), created.secret());
        }

        @Override
        public String toString() {
            return "WebhookEndpointView.WithSecret[" + id + "]";
        }
    }
}
