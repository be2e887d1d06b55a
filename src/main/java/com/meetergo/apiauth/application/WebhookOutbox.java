package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.audit.AuditEvent;
import com.meetergo.apiauth.domain.model.audit.AuditEventType;
import com.meetergo.apiauth.domain.model.credential.ApiKeyRepository;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessToken;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessTokenRepository;
import com.meetergo.apiauth.domain.model.credential.StoredCredential;
import com.meetergo.apiauth.domain.model.webhook.WebhookDelivery;
import com.meetergo.apiauth.domain.model.webhook.WebhookEndpoint;
import com.meetergo.apiauth.domain.model.webhook.WebhookEventType;
import com.meetergo.apiauth.domain.model.webhook.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The transactional outbox: for each audit event that a webhook reports, one delivery per enabled endpoint of the
 * company that subscribed to it, written in the caller's transaction (the change's own) with the body as it will be
 * sent. Nothing is sent here; {@link WebhookDispatcher} sends. A company without endpoints costs one query per batch of
 * events.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WebhookOutbox {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    WebhookRepository webhooks;

    @Inject
    ApiKeyRepository keys;

    @Inject
    PersonalAccessTokenRepository tokens;

    public void enqueue(List<AuditEvent> events) {
        var reported = events.stream()
                .filter(e -> WebhookEventType.reporting(e.type()).isPresent())
                .toList();
        if (reported.isEmpty()) {
            return;
        }
        var endpoints =
                webhooks
                        .enabledEndpointsOf(
                                reported.stream().map(AuditEvent::companyId).collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.groupingBy(WebhookEndpoint::companyId));
        if (endpoints.isEmpty()) {
            return;
        }
        for (var event : reported) {
            var type = WebhookEventType.reporting(event.type()).orElseThrow();
            var subscribed = endpoints.getOrDefault(event.companyId(), List.of()).stream()
                    .filter(e -> e.subscribedTo(type))
                    .toList();
            if (subscribed.isEmpty()) {
                continue;
            }
            var body = body(type, event.occurredAt(), data(type, event));
            for (var endpoint : subscribed) {
                webhooks.addDelivery(
                        new WebhookDelivery("msg_" + event.id(), endpoint, type, body, event.occurredAt()));
            }
        }
    }

    /** {@code webhook.test} to one endpoint, through the outbox like every other event. */
    public WebhookDelivery enqueueTest(WebhookEndpoint endpoint, String messageId, Instant now) {
        var data = new LinkedHashMap<String, Object>();
        data.put("endpointId", endpoint.id());
        data.put("companyId", endpoint.companyId());
        var delivery = new WebhookDelivery(
                messageId,
                endpoint,
                WebhookEventType.WEBHOOK_TEST,
                body(WebhookEventType.WEBHOOK_TEST, now, data),
                now);
        webhooks.addDelivery(delivery);
        return delivery;
    }

    /** {"type", "timestamp", "data"}: the Standard Webhooks payload structure. */
    private static String body(WebhookEventType type, Instant timestamp, Map<String, Object> data) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type.apiName());
        body.put("timestamp", timestamp.toString());
        body.put("data", data);
        return JSON.toJson(body);
    }

    /** What the event is about: the credential as lists show it (never its secret or digest), or the plan change. */
    private Map<String, Object> data(WebhookEventType type, AuditEvent event) {
        var data = new LinkedHashMap<String, Object>();
        if (type == WebhookEventType.COMPANY_PLAN_CHANGED) {
            data.put("companyId", event.companyId());
            var detail = event.detail() == null ? "" : event.detail();
            int arrow = detail.indexOf(" -> ");
            if (arrow >= 0) {
                data.put("previousPlan", detail.substring(0, arrow));
                data.put("plan", detail.substring(arrow + 4));
            }
            return data;
        }
        if (type == WebhookEventType.COMPANY_TOKEN_POLICY_CHANGED) {
            return tokenPolicyChange(event);
        }
        data.put("id", event.credentialId());
        data.put(
                "type",
                event.credentialType() == null ? null : event.credentialType().name());
        credential(event).ifPresent(c -> {
            data.put("name", c.name());
            data.put("hint", c.hint());
            data.put("companyId", c.companyId());
            if (c instanceof PersonalAccessToken pat) {
                data.put("userId", pat.userId());
            }
            data.put("expiresAt", c.expiresAt() == null ? null : c.expiresAt().toString());
        });
        data.putIfAbsent("companyId", event.companyId());
        if (type == WebhookEventType.CREDENTIAL_REVOKED) {
            data.put("reason", reason(event));
        }
        if (type == WebhookEventType.CREDENTIAL_EXPIRING_SOON
                && event.detail() != null
                && event.detail().startsWith("within ")) {
            data.put("expiresWithin", event.detail().substring("within ".length()));
        }
        if (type == WebhookEventType.CREDENTIAL_NEW_SOURCE) {
            data.put("sourceIp", event.sourceIp());
            data.put("network", event.detail() == null ? null : event.detail().replaceFirst("^network ", ""));
        }
        data.values().removeIf(v -> v == null);
        return data;
    }

    /**
     * Who changed the policy and the limit before and after, as {@code GET /v4/company/token-policy} shows it (null: no
     * limit); read back from the audit event's "…: old -> new".
     */
    private static Map<String, Object> tokenPolicyChange(AuditEvent event) {
        var data = new LinkedHashMap<String, Object>();
        data.put("companyId", event.companyId());
        data.put("userId", event.actorUserId());
        var detail = event.detail() == null ? "" : event.detail().replaceFirst("^[^:]*: ", "");
        int arrow = detail.indexOf(" -> ");
        if (arrow >= 0) {
            data.put("previousMaxPersonalAccessTokenLifetimeDays", days(detail.substring(0, arrow)));
            data.put("maxPersonalAccessTokenLifetimeDays", days(detail.substring(arrow + 4)));
        }
        return data;
    }

    private static Integer days(String days) {
        return "none".equals(days) ? null : Integer.valueOf(days);
    }

    private Optional<? extends StoredCredential> credential(AuditEvent event) {
        if (event.credentialId() == null || event.credentialType() == null) {
            return Optional.empty();
        }
        if (event.credentialType() == CredentialType.API_KEY) {
            return keys.find(event.credentialId());
        }
        return tokens.find(event.credentialId());
    }

    /**
     * revoked (by a caller), leaked (reported), creator_leaked (minted by a leaked one), grace_ended (after a
     * rotation).
     */
    private static String reason(AuditEvent event) {
        if (event.type() == AuditEventType.REVOKED_LEAKED) {
            return "leaked";
        }
        if (event.type() == AuditEventType.REVOKED_WITH_CREATOR) {
            return "creator_leaked";
        }
        return event.actorUserId() == null && event.actorCredentialId() == null ? "grace_ended" : "revoked";
    }
}
