package com.meetergo.apiauth.infrastructure.timer;

import com.meetergo.apiauth.application.WebhookDispatcher;
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
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Polls the webhook outbox every {@code apiauth.webhook.poll-interval} (1 s; a non-persistent timer: every server
 * polls, and claims decide which one sends a delivery).
 */
@Singleton
@Startup
public class WebhookDeliveryTimer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    @ConfigProperty(name = "apiauth.webhook.poll-interval", defaultValue = "PT1S")
    Duration interval;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(
                interval.toMillis(), interval.toMillis(), new TimerConfig("webhook deliveries", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        try {
            dispatcher.poll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook poll failed: {0}", e.getClass().getName());
        }
    }
}
