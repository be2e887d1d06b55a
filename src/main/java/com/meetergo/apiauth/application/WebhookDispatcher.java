package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.webhook.WebhookDelivery;
import com.meetergo.apiauth.domain.model.webhook.WebhookEndpoint;
import com.meetergo.apiauth.domain.model.webhook.WebhookRepository;
import com.meetergo.apiauth.infrastructure.webhook.WebhookSender;
import com.meetergo.apiauth.security.credential.WebhookSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Sends the outbox's due deliveries, at least once. Each poll claims due deliveries (a lease of {@link #LEASE}: a
 * server killed mid-delivery leaves it to another once the lease runs out) and hands each to the webhooks' own managed
 * executor ({@code concurrent/webhooks} in server.xml: at most {@code webhook.max.concurrent} attempts at once, beside
 * the threads that serve requests). On one server at most {@link #PER_ENDPOINT} attempts per endpoint and
 * {@link #PER_COMPANY} per company are in flight ({@link WebhookSlots}), so a slow or dead endpoint — or a company
 * whose every endpoint is dead — holds a few slots and never the others' deliveries.
 *
 * <p>Two lanes keep many slow companies from holding every slot. An endpoint's attempts run in the fast lane, cut at
 * {@link #FAST_LANE}; one cut there is not counted as an attempt (nothing is recorded), the endpoint moves to the slow
 * lane and the delivery is due again at once. The slow lane has the whole {@link WebhookSender#DEADLINE} but at most
 * half the slots, however many endpoints are in it; an attempt there answered within {@link #FAST_LANE} moves its
 * endpoint back. So the fast lane's slots are free again within 2 s whatever the slow endpoints do, and a live endpoint
 * waits for at most that and a poll. The lane is the endpoint's row, shared by the servers.
 *
 * <p>A worker whose attempt succeeded takes the endpoint's next due delivery itself (a backlog drains at the endpoint's
 * pace, not one poll's worth per poll).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

    /** Attempts in flight to one endpoint, per server. */
    public static final int PER_ENDPOINT = 4;
    /** Attempts in flight to one company's endpoints, per server: two dead endpoints' worth. */
    public static final int PER_COMPANY = 8;
    /** How long an attempt may take in the fast lane; an endpoint that needs longer moves to the slow one. */
    public static final Duration FAST_LANE = Duration.ofSeconds(2);
    /** Longer than an attempt can take (its deadline, 20 s), with room. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private static final int MAX_ENDPOINTS_PER_POLL = 500;

    /** This server, as it signs its claims. */
    private final String server = UUID.randomUUID().toString();

    private WebhookSlots slots;

    /** The same server.xml variable bounds the executor: nothing is claimed that it would queue. */
    @Inject
    @ConfigProperty(name = "webhook.max.concurrent", defaultValue = "64")
    int maxConcurrent;

    @Resource(lookup = "concurrent/webhooks")
    ManagedExecutorService executor;

    @Inject
    WebhookAttempts attempts;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookSecrets secrets;

    @Inject
    MetricRegistry metrics;

    @Inject
    Clock clock;

    @PostConstruct
    void bound() {
        slots = new WebhookSlots(
                PER_ENDPOINT,
                Math.max(PER_ENDPOINT, Math.min(PER_COMPANY, maxConcurrent)),
                maxConcurrent,
                Math.max(1, maxConcurrent / 2));
    }

    /**
     * One poll: for each endpoint with something due, the fast lane's first, claims what this server may take on for it
     * (endpoint by endpoint: one endpoint's backlog never fills the poll) and starts sending it. The slow lane's
     * endpoints are looked up only while it has room.
     */
    public void poll() {
        var now = clock.instant();
        for (var slow : new boolean[] {false, true}) {
            if (slow ? slots.slowFull() : slots.full()) {
                continue;
            }
            for (var due : attempts.endpointsDue(now, slow, MAX_ENDPOINTS_PER_POLL)) {
                if (slow ? slots.slowFull() : slots.full()) {
                    break;
                }
                int room = slots.room(due.endpointId(), due.companyId(), slow);
                if (room > 0 && !claimAndSend(due, room, now)) {
                    return;
                }
            }
        }
    }

    /**
     * False when the executor takes no more work this poll. A slot is taken before the claim and given back unless the
     * attempt started: a claim lost to another server, a rejected start or a failing database (the exception goes on to
     * the poll's caller) never keeps one.
     */
    private boolean claimAndSend(WebhookRepository.DueEndpoint due, int room, Instant now) {
        for (var delivery : attempts.due(due.endpointId(), now, room)) {
            if (!slots.take(due.endpointId(), due.companyId(), due.slow())) {
                return true;
            }
            var started = false;
            try {
                if (!attempts.claim(delivery.id(), server, now, now.plus(LEASE))) {
                    continue; // another server took it
                }
                executor.execute(() -> work(delivery, due));
                started = true;
            } catch (RejectedExecutionException e) {
                LOG.log(Level.WARNING, "Webhook delivery not started; it is retried when its lease ends");
                return false;
            } finally {
                if (!started) {
                    slots.release(due.endpointId(), due.companyId(), due.slow());
                }
            }
        }
        return true;
    }

    /**
     * Sends the delivery and, while the endpoint answers, claims and sends its next due one: an endpoint with a backlog
     * keeps its slot busy instead of waiting for the next poll. A failure, or a move to the slow lane, ends the run
     * (the endpoint's other deliveries wait for the next poll).
     */
    private void work(WebhookDelivery first, WebhookRepository.DueEndpoint due) {
        try {
            var delivery = first;
            while (delivery != null && send(delivery, due.slow()) == WebhookAttempts.Result.DELIVERED) {
                delivery = next(delivery.endpointId());
            }
        } finally {
            slots.release(due.endpointId(), due.companyId(), due.slow());
        }
    }

    private WebhookDelivery next(String endpointId) {
        try {
            var now = clock.instant();
            for (var delivery : attempts.due(endpointId, now, PER_ENDPOINT)) {
                if (attempts.claim(delivery.id(), server, now, now.plus(LEASE))) {
                    return delivery;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "No next webhook delivery taken; the next poll looks again", e);
        }
        return null;
    }

    /**
     * One attempt in its lane, recorded; null when it could not be made or recorded (its lease runs out, and it is sent
     * again) or when the fast lane cut it (due again at once, in the slow lane).
     */
    private WebhookAttempts.Result send(WebhookDelivery delivery, boolean slow) {
        try {
            var endpoint = attempts.endpoint(delivery.endpointId()).orElse(null);
            if (endpoint == null || endpoint.disabled()) {
                return null; // deleted or disabled meanwhile: its lease runs out, and a disabled endpoint's deliveries
                // wait
            }
            var at = clock.instant();
            var outcome = sender.send(
                    endpoint.url(),
                    delivery.messageId(),
                    at,
                    delivery.payload(),
                    signingSecrets(endpoint, at),
                    slow ? WebhookSender.DEADLINE : FAST_LANE);
            if (!slow && outcome.cut()) {
                if (attempts.slowLane(delivery, server, clock.instant())) {
                    metrics.counter("apiauth.webhook.lane.changes", new Tag("lane", "slow"))
                            .inc();
                }
                return null;
            }
            if (slow && outcome.durationMs() < FAST_LANE.toMillis() && attempts.fastLane(delivery.endpointId())) {
                metrics.counter("apiauth.webhook.lane.changes", new Tag("lane", "fast"))
                        .inc();
            }
            var result = attempts.record(
                    delivery, outcome.statusCode(), outcome.durationMs(), outcome.error(), clock.instant());
            metrics.counter(
                            "apiauth.webhook.deliveries",
                            new Tag("outcome", result.name().toLowerCase()))
                    .inc();
            return result;
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Webhook delivery {0} not recorded ({1}); it is tried again when its lease ends",
                    new Object[] {delivery.id(), e.getClass().getName()});
            return null;
        }
    }

    private List<String> signingSecrets(WebhookEndpoint endpoint, Instant now) {
        return Arrays.stream(endpoint.signingVersions(now))
                .mapToObj(v -> secrets.of(endpoint.id(), v))
                .toList();
    }
}
