package com.meetergo.apiauth.hostile;

import static com.meetergo.apiauth.hostile.FailedAttemptThrottleIT.assertThrottled;
import static com.meetergo.apiauth.hostile.FailedAttemptThrottleIT.me;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import java.io.IOException;
import java.security.SecureRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guessing at one key id is throttled for that key, from whichever addresses the guesses come, and the holder of the
 * right secret is never locked out. A deployment of its own (fresh counters), with the address throttle lifted so that
 * only the key's counter can answer 429.
 */
@ExtendWith(ArquillianExtension.class)
class KeyGuessThrottleIT {

    static final int PER_KEY = 30;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war(
                "apiauth.throttle.address-failures=1000000", "apiauth.throttle.key-failures=" + PER_KEY);
    }

    @Test
    void guessingOneKeyFromTwoAddressesIsThrottledForThatKeyOnly() throws IOException {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var id = key.split(":")[1];
        var random = new SecureRandom();
        int throttled = 0;
        for (int i = 0; i < PER_KEY + 5; i++) {
            var from = i % 2 == 0 ? "127.0.0.1" : "::1";
            var reply = me(from, TokenFormat.newApiKey(random, id));
            if (i < PER_KEY) {
                assertEquals(401, reply.status(), reply::toString);
            } else {
                assertThrottled(reply);
                throttled++;
            }
        }
        assertEquals(200, me("127.0.0.1", key).status(), "the holder of the right secret is never locked out");
        assertEquals(200, me("::1", key).status(), "the holder of the right secret is never locked out");
        var otherKey = tenant.apiKey();
        assertEquals(
                401,
                me("127.0.0.1", TokenFormat.newApiKey(random, otherKey.split(":")[1]))
                        .status());
        System.out.println("key throttle: " + PER_KEY + " wrong secrets answered 401, then " + throttled + " 429");
    }
}
