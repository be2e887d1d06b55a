package com.meetergo.apiauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.security.ProvisioningSecret.Verdict;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sign-up's secret: absent, the endpoint does not exist; short, the server does not start; guesses are throttled.
 */
class ProvisioningSecretTest {

    private static final String SECRET = "s".repeat(ProvisioningSecret.MIN_LENGTH);

    private static ProvisioningSecret configured(String secret) {
        var provisioning = new ProvisioningSecret();
        provisioning.configured = Optional.ofNullable(secret);
        provisioning.failureLimit = 3;
        provisioning.failureWindow = Duration.ofMinutes(15);
        provisioning.init();
        return provisioning;
    }

    @Test
    void withoutASecretTheEndpointDoesNotExist() {
        assertEquals(
                Verdict.DISABLED, configured(null).check(SECRET, "192.0.2.1").verdict());
        assertEquals(
                Verdict.DISABLED, configured("   ").check("   ", "192.0.2.1").verdict());
    }

    @Test
    void aSecretShorterThanThePepperStopsTheStart() {
        var failure = assertThrows(IllegalStateException.class, () -> configured("it-provisioning-secret"));
        assertEquals("apiauth.provisioning.secret must be at least 32 bytes long", failure.getMessage());
    }

    @Test
    void guessesAreThrottledPerAddressAndTheRightSecretStillPasses() {
        var provisioning = configured(SECRET);
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    Verdict.REFUSED,
                    provisioning.check("guess-" + i, "192.0.2.1").verdict());
        }
        var throttled = provisioning.check(SECRET.substring(1) + "x", "192.0.2.1");
        assertEquals(Verdict.THROTTLED, throttled.verdict());
        assertTrue(throttled.retryAfterSeconds() > 0 && throttled.retryAfterSeconds() <= 900, throttled::toString);
        assertEquals(Verdict.THROTTLED, provisioning.check(null, "192.0.2.1").verdict());
        assertEquals(Verdict.ACCEPTED, provisioning.check(SECRET, "192.0.2.1").verdict());
        assertEquals(Verdict.REFUSED, provisioning.check("guess", "192.0.2.2").verdict());
    }
}
