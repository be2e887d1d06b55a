package com.meetergo.apiauth.security;

import com.meetergo.apiauth.domain.model.credential.CredentialType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * MicroProfile Metrics of the authentication step, served at /metrics in Prometheus format:
 * {@code apiauth_authentications_total{type, outcome}} (type: pat, api-key, none) and the
 * {@code apiauth_authentication_duration_seconds} histogram of the mechanism's own time.
 */
@ApplicationScoped
public class AuthenticationMetrics {

    static final String AUTHENTICATIONS = "apiauth.authentications";

    static final String DURATION = "apiauth.authentication.duration";

    @Inject
    MetricRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    private Timer duration;

    @PostConstruct
    void register() {
        duration = registry.timer(Metadata.builder().withName(DURATION).withUnit(MetricUnits.SECONDS)
                .withDescription("Time the authentication mechanism takes per protected request").build());
    }

    void record(CredentialType type, AuthenticationOutcome outcome, long startedNanos) {
        duration.update(Duration.ofNanos(System.nanoTime() - startedNanos));
        var typeLabel = type == null ? "none" : type == CredentialType.API_KEY ? "api-key" : "pat";
        counters.computeIfAbsent(typeLabel + "/" + outcome.label(), k -> registry.counter(
                Metadata.builder().withName(AUTHENTICATIONS)
                        .withDescription("Authentications by credential type and outcome").build(),
                new Tag("type", typeLabel), new Tag("outcome", outcome.label()))).inc();
    }
}
