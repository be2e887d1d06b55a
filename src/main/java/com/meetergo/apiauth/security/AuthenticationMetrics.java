package com.meetergo.apiauth.security;

import com.meetergo.apiauth.domain.model.credential.CredentialType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * MicroProfile Metrics of the authentication step, served at /metrics in Prometheus format:
 * {@code apiauth_authentications_total{type, outcome}} (type: pat, api-key, none) and the
 * {@code apiauth_authentication_duration_seconds} histogram of the mechanism's own time, and
 * {@code apiauth_refusals_total{type, outcome}}: authenticated requests refused later (a missing scope).
 */
@ApplicationScoped
public class AuthenticationMetrics {

    static final String AUTHENTICATIONS = "apiauth.authentications";

    static final String DURATION = "apiauth.authentication.duration";

    static final String REFUSALS = "apiauth.refusals";

    @Inject
    MetricRegistry registry;

    /**
     * By credential type (none, API key, PAT) and outcome; filled on first use (the registry returns the same counter
     * twice).
     */
    private final Counter[][] counters = new Counter[3][AuthenticationOutcome.values().length];

    private final Counter[][] refusals = new Counter[3][AuthenticationOutcome.values().length];

    private Timer duration;

    @PostConstruct
    void register() {
        duration = registry.timer(Metadata.builder()
                .withName(DURATION)
                .withUnit(MetricUnits.SECONDS)
                .withDescription("Time the authentication mechanism takes per protected request")
                .build());
    }

    void record(CredentialType type, AuthenticationOutcome outcome, long startedNanos) {
        duration.update(Duration.ofNanos(System.nanoTime() - startedNanos));
        count(counters, AUTHENTICATIONS, "Authentications by credential type and outcome", type, outcome);
    }

    /** A request refused after its authentication succeeded (counted there as a success): a scope it lacks. */
    void refused(CredentialType type, AuthenticationOutcome outcome) {
        count(refusals, REFUSALS, "Authenticated requests refused, by credential type and reason", type, outcome);
    }

    private void count(
            Counter[][] table, String name, String description, CredentialType type, AuthenticationOutcome outcome) {
        int row = type == null ? 0 : type == CredentialType.API_KEY ? 1 : 2;
        var counter = table[row][outcome.ordinal()];
        if (counter == null) {
            var typeLabel = new String[] {"none", "api-key", "pat"}[row];
            counter = registry.counter(
                    Metadata.builder()
                            .withName(name)
                            .withDescription(description)
                            .build(),
                    new Tag("type", typeLabel),
                    new Tag("outcome", outcome.label()));
            table[row][outcome.ordinal()] = counter;
        }
        counter.inc();
    }
}
