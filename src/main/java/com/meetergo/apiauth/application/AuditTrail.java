package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.audit.AuditEvent;
import com.meetergo.apiauth.domain.model.audit.AuditEventType;
import com.meetergo.apiauth.domain.model.audit.AuditRepository;
import com.meetergo.apiauth.domain.model.credential.Credential;
import com.meetergo.apiauth.domain.model.credential.CredentialSweepRepository;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.user.User;
import com.meetergo.apiauth.domain.model.webhook.WebhookEndpoint;
import com.meetergo.apiauth.security.Caller;
import com.meetergo.apiauth.security.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Writes audit events in the transaction of the change they record: no change without its event, and no event without
 * the webhook deliveries that report it ({@link WebhookOutbox}).
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    ClientAddress clientAddress;

    @Inject
    AuditRepository events;

    @Inject
    WebhookOutbox outbox;

    @Inject
    HttpServletRequest request;

    @Inject
    Clock clock;

    /** A change made by a caller (null for the server itself, e.g. the sweep). */
    public void record(AuditEventType type, Credential credential, CredentialType kind, Caller actor) {
        add(event(type, credential, kind, actor));
    }

    /** A credential made (on creation or as a successor), with the scopes it holds and its fence, if any. */
    public void recordCreated(Credential credential, CredentialType kind, Caller actor) {
        var detail = scopesOf(credential);
        if (!credential.allowedIps().isAnywhere()) {
            detail += "; " + allowedIpsOf(credential);
        }
        add(event(AuditEventType.CREATED, credential, kind, actor).withDetail(detail));
    }

    /** The credential's allowlist replaced: the event names the new one. */
    public void recordAllowedIps(Credential credential, CredentialType kind, Caller actor) {
        add(event(AuditEventType.ALLOWED_IPS_CHANGED, credential, kind, actor).withDetail(allowedIpsOf(credential)));
    }

    private static String allowedIpsOf(Credential credential) {
        return "allowedIps: " + credential.allowedIps();
    }

    /** {@code old} replaced by {@code successor}: the event names the scopes the successor holds. */
    public void recordRotated(Credential old, Credential successor, CredentialType kind, Caller actor) {
        add(event(AuditEventType.ROTATED, old, kind, actor).withDetail(scopesOf(successor)));
    }

    private static String scopesOf(Credential credential) {
        return "scopes: " + credential.scopes();
    }

    private AuditEvent event(AuditEventType type, Credential credential, CredentialType kind, Caller actor) {
        return new AuditEvent(
                credential.companyId(),
                type,
                kind,
                credential.id(),
                actor == null ? null : actor.credentialId(),
                actor == null ? null : actor.userId(),
                null,
                actor == null ? null : sourceIp(),
                clock.instant(),
                null);
    }

    /** The same change, made by the server itself (the sweep), to many credentials at once. */
    public void recordSwept(
            AuditEventType type, List<CredentialSweepRepository.Swept> credentials, CredentialType kind) {
        recordSwept(type, credentials, kind, null);
    }

    /** The same, with a detail on each event (an expiry warning's window). */
    public void recordSwept(
            AuditEventType type,
            List<CredentialSweepRepository.Swept> credentials,
            CredentialType kind,
            String detail) {
        var now = clock.instant();
        addAll(credentials.stream()
                .map(c -> new AuditEvent(c.companyId(), type, kind, c.id(), null, null, null, null, now, null)
                        .withDetail(detail))
                .toList());
    }

    /** A change made by an unauthenticated caller (a leak report), with its address. */
    public void recordAnonymous(AuditEventType type, Credential credential, CredentialType kind) {
        add(new AuditEvent(
                credential.companyId(),
                type,
                kind,
                credential.id(),
                null,
                null,
                null,
                sourceIp(),
                clock.instant(),
                null));
    }

    /** A change to a user of the company, made by a caller. */
    public void recordUserChange(AuditEventType type, User subject, Caller actor) {
        add(new AuditEvent(
                subject.companyId(),
                type,
                null,
                null,
                actor.credentialId(),
                actor.userId(),
                subject.id(),
                sourceIp(),
                clock.instant(),
                null));
    }

    /** The company's plan changed, by the platform (no credential of the company acted). */
    public void recordPlanChange(String companyId, String oldPlan, String newPlan) {
        add(new AuditEvent(
                        companyId,
                        AuditEventType.PLAN_CHANGED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        sourceIp(),
                        clock.instant(),
                        null)
                .withDetail(oldPlan + " -> " + newPlan));
    }

    /**
     * A refused attempt at what only the owner does, written in a transaction of its own: the refusal rolls the
     * request's own transaction back, and the attempt is what is worth keeping.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordOwnerActionRefused(Caller actor, String ownerId, String attempt) {
        add(new AuditEvent(
                        actor.companyId(),
                        AuditEventType.OWNER_ACTION_REFUSED,
                        actor.credentialType(),
                        actor.credentialId(),
                        actor.credentialId(),
                        actor.userId(),
                        ownerId,
                        sourceIp(),
                        clock.instant(),
                        null)
                .withDetail(attempt));
    }

    /** The company's token policy changed, by a caller: the event names the old and the new limit. */
    public void recordTokenPolicyChange(String companyId, Integer oldDays, Integer newDays, Caller actor) {
        add(new AuditEvent(
                        companyId,
                        AuditEventType.TOKEN_POLICY_CHANGED,
                        null,
                        null,
                        actor.credentialId(),
                        actor.userId(),
                        null,
                        sourceIp(),
                        clock.instant(),
                        null)
                .withDetail("maxPersonalAccessTokenLifetimeDays: " + days(oldDays) + " -> " + days(newDays)));
    }

    private static String days(Integer days) {
        return days == null ? "none" : days.toString();
    }

    /** Revoked because the credential that minted it ({@code leakedId}) was reported leaked. */
    public void recordMintedByLeaked(Credential credential, CredentialType kind, String leakedId) {
        add(new AuditEvent(
                credential.companyId(),
                AuditEventType.REVOKED_WITH_CREATOR,
                kind,
                credential.id(),
                leakedId,
                null,
                null,
                sourceIp(),
                clock.instant(),
                null));
    }

    /** A change to one of the company's webhook endpoints, by a caller (null: the server disabled it). */
    public void recordWebhookEndpoint(AuditEventType type, WebhookEndpoint endpoint, Caller actor) {
        add(new AuditEvent(
                        endpoint.companyId(),
                        type,
                        null,
                        null,
                        actor == null ? null : actor.credentialId(),
                        actor == null ? null : actor.userId(),
                        null,
                        actor == null ? null : sourceIp(),
                        clock.instant(),
                        null)
                .withDetail("endpoint " + endpoint.id() + " " + endpoint.url()));
    }

    private void add(AuditEvent event) {
        addAll(List.of(event));
    }

    /** The events, and in the same transaction the webhook deliveries that report them. */
    private void addAll(List<AuditEvent> written) {
        if (written.size() == 1) {
            events.add(written.get(0));
        } else {
            events.addAll(written);
        }
        outbox.enqueue(written);
    }

    private String sourceIp() {
        try {
            return clientAddress.of(request);
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }
}
