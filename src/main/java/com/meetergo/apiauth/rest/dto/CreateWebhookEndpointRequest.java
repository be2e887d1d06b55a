package com.meetergo.apiauth.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v4/webhook-endpoint}. */
public record CreateWebhookEndpointRequest(
        @Schema(
                description = "Where the events go: an https URL whose host resolves to public addresses only",
                example = "https://example.com/hooks/api-auth")
        String url,

        @Schema(description = "The events to send, e.g. [\"credential.revoked\", \"credential.expiring_soon\"]")
        List<String> events) {}
