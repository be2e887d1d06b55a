package com.meetergo.apiauth.security.introspection;

import com.meetergo.apiauth.infrastructure.ratelimit.ClientNetwork;
import com.meetergo.apiauth.infrastructure.ratelimit.FixedWindows;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one OAuth client that may introspect tokens (RFC 7662 §2.1: the endpoint is protected), as the operator
 * configures it: {@code apiauth.introspection.client-id} and {@code …client-secret}
 * ({@code APIAUTH_INTROSPECTION_CLIENT_ID}, {@code …_SECRET}). Unset, the endpoint does not exist; a secret shorter
 * than 32 bytes stops the application at start, as the pepper's would. The client authenticates with HTTP Basic (RFC
 * 6749 §2.3.1: id and secret form-encoded, then Base64), compared in constant time. Wrong attempts are throttled per
 * client address; a client's introspections are limited per window.
 */
@ApplicationScoped
public class IntrospectionClient {

    public static final int MIN_SECRET_LENGTH = 32;

    /** What a request's {@code Authorization} gets. */
    public enum Verdict {
        DISABLED,
        ACCEPTED,
        REFUSED,
        THROTTLED,
        RATE_LIMITED
    }

    /** A verdict, with the seconds to wait for THROTTLED and RATE_LIMITED. */
    public record Check(Verdict verdict, long retryAfterSeconds) {}

    @Inject
    @ConfigProperty(name = "apiauth.introspection.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "apiauth.introspection.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "apiauth.introspection.limit", defaultValue = "100")
    int limit;

    @Inject
    @ConfigProperty(name = "apiauth.introspection.window", defaultValue = "PT1S")
    Duration window;

    @Inject
    @ConfigProperty(name = "apiauth.introspection.failures", defaultValue = "10")
    int failureLimit;

    @Inject
    @ConfigProperty(name = "apiauth.introspection.failure-window", defaultValue = "PT15M")
    Duration failureWindow;

    private byte[] id;
    private byte[] secret;
    private FixedWindows calls;
    private FixedWindows failures;

    @PostConstruct
    void init() {
        var configuredId = clientId.filter(s -> !s.isBlank());
        var configuredSecret = clientSecret.filter(s -> !s.isBlank());
        if (configuredId.isPresent() != configuredSecret.isPresent()) {
            throw new IllegalStateException("apiauth.introspection.client-id and apiauth.introspection.client-secret"
                    + " are set together, or not at all");
        }
        if (configuredSecret.isPresent()) {
            secret = configuredSecret.get().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_SECRET_LENGTH) {
                throw new IllegalStateException(
                        "apiauth.introspection.client-secret must be at least " + MIN_SECRET_LENGTH + " bytes long");
            }
            id = configuredId.get().getBytes(StandardCharsets.UTF_8);
        }
        calls = new FixedWindows(limit, window);
        failures = new FixedWindows(failureLimit, failureWindow);
    }

    /** A misconfigured client stops the application at start (this bean is built then), not at a request. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing makes the container build the bean now: init() has run
    }

    /** Whether a client is configured (else the endpoint does not exist). */
    public boolean enabled() {
        return secret != null;
    }

    /** The verdict on a request's {@code Authorization} header, from {@code address}. */
    public Check check(String authorization, String address) {
        if (secret == null) {
            return new Check(Verdict.DISABLED, 0);
        }
        // An address that failed too often waits out its window whatever it sends, the right secret
        // too: otherwise every answer during the wait would still tell a guess right from wrong.
        long blocked = failures.peek(ClientNetwork.of(address));
        if (blocked > 0) {
            return new Check(Verdict.THROTTLED, blocked);
        }
        if (!matches(authorization)) {
            long wait = failures.count(ClientNetwork.of(address));
            return new Check(wait > 0 ? Verdict.THROTTLED : Verdict.REFUSED, wait);
        }
        long wait = calls.count("client");
        return wait > 0 ? new Check(Verdict.RATE_LIMITED, wait) : new Check(Verdict.ACCEPTED, 0);
    }

    private boolean matches(String authorization) {
        if (authorization == null
                || authorization.length() < 6
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        byte[] sentId;
        byte[] sentSecret;
        try {
            sentId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.UTF_8);
            sentSecret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        // both compared, always: the answer takes as long whichever one is wrong
        boolean idMatches = MessageDigest.isEqual(id, sentId);
        boolean secretMatches = MessageDigest.isEqual(secret, sentSecret);
        return idMatches & secretMatches;
    }

    @Override
    public String toString() {
        return "IntrospectionClient[" + (secret == null ? "disabled" : "configured") + "]";
    }
}
