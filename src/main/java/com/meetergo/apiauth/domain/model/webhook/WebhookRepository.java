package com.meetergo.apiauth.domain.model.webhook;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Endpoints, the outbox of their deliveries and the attempts; every change of state is one conditional update. */
public interface WebhookRepository {

    void addEndpoint(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> findEndpoint(String id);

    /** Oldest first. */
    List<WebhookEndpoint> endpointsOf(String companyId);

    /** The enabled endpoints of these companies (one query for a batch of events). */
    List<WebhookEndpoint> enabledEndpointsOf(Collection<String> companyIds);

    /** The endpoint, its deliveries and their attempts. */
    void deleteEndpoint(String id);

    void addDelivery(WebhookDelivery delivery);

    Optional<WebhookDelivery> findDelivery(String id);

    /**
     * An endpoint with something due, its company (the dispatcher bounds attempts per company too) and its lane (slow:
     * its last attempt needed longer than the fast lane allows).
     */
    record DueEndpoint(String endpointId, String companyId, boolean slow) {}

    /**
     * The enabled endpoints of one lane with a delivery due at {@code now} and not claimed by a live lease, the longest
     * waiting first.
     */
    List<DueEndpoint> endpointsDue(Instant now, boolean slow, int limit);

    /** The endpoint's attempts run in the slow lane from {@code now}: true unless they already did. */
    boolean slow(String endpointId, Instant now);

    /** The endpoint's attempts run in the fast lane again: true unless they already did. */
    boolean fast(String endpointId);

    /** Gives back a claim this server holds: the delivery is due again at once, its attempts unchanged. */
    void unclaim(String deliveryId, String server);

    /** The endpoint's deliveries due at {@code now} and not claimed by a live lease, the longest due first. */
    List<WebhookDelivery> due(String endpointId, Instant now, int limit);

    /**
     * Takes the delivery for {@code server} until {@code until} unless another server holds it: true for the one
     * winner.
     */
    boolean claim(String deliveryId, String server, Instant now, Instant until);

    void delivered(String deliveryId, int attempts, Instant now);

    void retryAt(String deliveryId, int attempts, Instant next);

    void failed(String deliveryId, int attempts, Instant now);

    void addAttempt(WebhookAttempt attempt);

    /** The endpoint's attempts, newest first. */
    List<WebhookAttempt> attemptsOf(String endpointId, int limit);

    /** Marks the endpoint failing since {@code now} unless it already is. */
    void failing(String endpointId, Instant now);

    void succeeding(String endpointId);

    /** Disables the endpoint if it has been failing since before {@code before}: true for the one server that does. */
    boolean disableIfFailingSince(String endpointId, Instant before, Instant now);

    /** The endpoint's waiting deliveries become due at {@code now} (an endpoint enabled again). */
    int dueNow(String endpointId, Instant now);

    long pendingCount();

    Optional<Instant> oldestPending();
}
