package com.meetergo.apiauth.security;

import com.meetergo.apiauth.infrastructure.ratelimit.ClientNetwork;
import com.meetergo.apiauth.infrastructure.ratelimit.FixedWindows;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The secret of the platform's sign-up ({@code apiauth.provisioning.secret}): unset, the endpoint does not exist; set,
 * it must be at least 32 bytes like the pepper (checked when the application starts: a shorter one stops the
 * deployment), and wrong guesses are throttled per client address.
 */
@ApplicationScoped
public class ProvisioningSecret {

    public static final int MIN_LENGTH = 32;

    /** What a request's {@code x-provisioning-secret} gets. */
    public enum Verdict {
        DISABLED,
        ACCEPTED,
        REFUSED,
        THROTTLED
    }

    /** A verdict, and for THROTTLED the seconds until the address may fail again. */
    public record Check(Verdict verdict, long retryAfterSeconds) {}

    @Inject
    @ConfigProperty(name = "apiauth.provisioning.secret")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "apiauth.provisioning.failures", defaultValue = "10")
    int failureLimit;

    @Inject
    @ConfigProperty(name = "apiauth.provisioning.failure-window", defaultValue = "PT15M")
    Duration failureWindow;

    private byte[] secret;
    private FixedWindows failures;

    @PostConstruct
    void init() {
        secret = configured
                .filter(s -> !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElse(null);
        if (secret != null && secret.length < MIN_LENGTH) {
            throw new IllegalStateException(
                    "apiauth.provisioning.secret must be at least " + MIN_LENGTH + " bytes long");
        }
        failures = new FixedWindows(failureLimit, failureWindow);
    }

    /** A misconfigured secret stops the application at start (this bean is built then), not at a sign-up. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing makes the container build the bean now: init() has run
    }

    /** The verdict on a sent secret; failures count against the client's address. */
    public Check check(String sent, String address) {
        if (secret == null) {
            return new Check(Verdict.DISABLED, 0);
        }
        if (sent != null && MessageDigest.isEqual(secret, sent.getBytes(StandardCharsets.UTF_8))) {
            return new Check(Verdict.ACCEPTED, 0);
        }
        long wait = failures.count(ClientNetwork.of(address));
        return new Check(wait > 0 ? Verdict.THROTTLED : Verdict.REFUSED, wait);
    }
}
