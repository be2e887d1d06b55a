package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.audit.AuditEventType;
import com.meetergo.apiauth.domain.model.webhook.WebhookAttempt;
import com.meetergo.apiauth.domain.model.webhook.WebhookEndpoint;
import com.meetergo.apiauth.domain.model.webhook.WebhookEventType;
import com.meetergo.apiauth.domain.model.webhook.WebhookRepository;
import com.meetergo.apiauth.domain.shared.DomainException;
import com.meetergo.apiauth.infrastructure.webhook.WebhookSender;
import com.meetergo.apiauth.infrastructure.webhook.WebhookTargets;
import com.meetergo.apiauth.security.Caller;
import com.meetergo.apiauth.security.credential.WebhookSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The webhook endpoints of the caller's company (who may call this is decided by the resource's roles and scopes). */
@ApplicationScoped
@Transactional
public class WebhookService {

    /** Endpoints per company. */
    public static final int MAX_ENDPOINTS = 20;

    /** An endpoint with the secret that signs for it: in the answer to its creation or a rotation only. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {
        @Override
        public String toString() {
            return "WithSecret[" + endpoint.id() + "]";
        }
    }

    @Inject
    WebhookRepository webhooks;

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookSecrets secrets;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public WithSecret create(Caller caller, String url, List<String> events) {
        var types = eventTypes(events);
        String checked;
        try {
            checked = sender.check(url).toString();
        } catch (WebhookTargets.RefusedTarget e) {
            throw DomainException.invalid(e.getMessage());
        }
        if (webhooks.endpointsOf(caller.companyId()).size() >= MAX_ENDPOINTS) {
            throw DomainException.invalid("a company has at most " + MAX_ENDPOINTS + " webhook endpoints");
        }
        var endpoint = new WebhookEndpoint(caller.companyId(), checked, types, caller.userId(), clock.instant());
        webhooks.addEndpoint(endpoint);
        audit.recordWebhookEndpoint(AuditEventType.WEBHOOK_ENDPOINT_CREATED, endpoint, caller);
        return new WithSecret(endpoint, secrets.of(endpoint.id(), endpoint.secretVersion()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookEndpoint> list(Caller caller) {
        return webhooks.endpointsOf(caller.companyId());
    }

    public void delete(Caller caller, String id) {
        var endpoint = ofCompany(caller, id);
        webhooks.deleteEndpoint(endpoint.id());
        audit.recordWebhookEndpoint(AuditEventType.WEBHOOK_ENDPOINT_DELETED, endpoint, caller);
    }

    /** A disabled endpoint enabled again: its waiting deliveries are sent at once. */
    public WebhookEndpoint enable(Caller caller, String id) {
        var endpoint = ofCompany(caller, id);
        if (endpoint.disabled()) {
            endpoint.enable();
            webhooks.dueNow(endpoint.id(), clock.instant());
            audit.recordWebhookEndpoint(AuditEventType.WEBHOOK_ENDPOINT_ENABLED, endpoint, caller);
        }
        return endpoint;
    }

    /** A new secret; the one before keeps signing beside it for 24 h. */
    public WithSecret rotateSecret(Caller caller, String id) {
        var endpoint = ofCompany(caller, id);
        endpoint.rotateSecret(clock.instant());
        audit.recordWebhookEndpoint(AuditEventType.WEBHOOK_ENDPOINT_SECRET_ROTATED, endpoint, caller);
        return new WithSecret(endpoint, secrets.of(endpoint.id(), endpoint.secretVersion()));
    }

    /** Queues {@code webhook.test} to the endpoint; returns its {@code webhook-id}. */
    public String test(Caller caller, String id) {
        var endpoint = ofCompany(caller, id);
        var messageId = "msg_" + UUID.randomUUID();
        outbox.enqueueTest(endpoint, messageId, clock.instant());
        return messageId;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookAttempt> attempts(Caller caller, String id, int limit) {
        return webhooks.attemptsOf(ofCompany(caller, id).id(), limit);
    }

    private WebhookEndpoint ofCompany(Caller caller, String id) {
        return webhooks.findEndpoint(id)
                .filter(e -> e.companyId().equals(caller.companyId()))
                .orElseThrow(() -> DomainException.notFound("Webhook endpoint"));
    }

    private static EnumSet<WebhookEventType> eventTypes(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw DomainException.invalid("events must name at least one event: " + known());
        }
        var types = EnumSet.noneOf(WebhookEventType.class);
        for (var name : events) {
            types.add(WebhookEventType.ofApiName(name)
                    .orElseThrow(() ->
                            DomainException.invalid("unknown event " + shown(name) + "; the events are " + known())));
        }
        return types;
    }

    private static String shown(String name) {
        if (name == null) {
            return "null";
        }
        return "\"" + (name.length() > 64 ? name.substring(0, 64) + "…" : name) + "\"";
    }

    private static String known() {
        return Arrays.stream(WebhookEventType.values())
                .map(WebhookEventType::apiName)
                .collect(Collectors.joining(", "));
    }
}
