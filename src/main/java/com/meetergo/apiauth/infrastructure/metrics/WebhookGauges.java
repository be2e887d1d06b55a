package com.meetergo.apiauth.infrastructure.metrics;

import com.meetergo.apiauth.domain.model.webhook.WebhookRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The webhook outbox's gauges, refreshed every {@code apiauth.webhook.gauge-refresh} (15 s; never a query per scrape):
 * {@code apiauth_webhook_queue_depth} (deliveries not yet delivered nor failed) and
 * {@code apiauth_webhook_oldest_undelivered_seconds} (the age of the oldest of them; 0 when none). Deliveries by
 * outcome are {@code apiauth_webhook_deliveries_total{outcome}}, counted as they happen.
 */
@Singleton
@Startup
public class WebhookGauges {

    private static final Logger LOG = Logger.getLogger(WebhookGauges.class.getName());

    @Resource
    TimerService timers;

    @Inject
    WebhookRepository webhooks;

    @Inject
    MetricRegistry registry;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "apiauth.webhook.gauge-refresh", defaultValue = "PT15S")
    Duration refresh;

    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    @PostConstruct
    void start() {
        registry.gauge(
                Metadata.builder()
                        .withName("apiauth.webhook.queue.depth")
                        .withDescription("Webhook deliveries not yet delivered nor failed")
                        .build(),
                depth,
                AtomicLong::get);
        registry.gauge(
                Metadata.builder()
                        .withName("apiauth.webhook.oldest.undelivered.seconds")
                        .withDescription("Age of the oldest webhook delivery not yet delivered nor failed (0: none)")
                        .build(),
                oldestSeconds,
                AtomicLong::get);
        timers.createIntervalTimer(0, refresh.toMillis(), new TimerConfig("webhook gauges", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void refresh() {
        try {
            depth.set(webhooks.pendingCount());
            oldestSeconds.set(webhooks.oldestPending()
                    .map(t -> Math.max(0, Duration.between(t, clock.instant()).toSeconds()))
                    .orElse(0L));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Webhook gauges not refreshed", e);
        }
    }
}
