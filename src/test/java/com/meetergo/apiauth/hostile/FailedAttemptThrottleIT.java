package com.meetergo.apiauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.RawHttp;
import com.meetergo.apiauth.support.Tenant;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guessing is throttled per key id and per client address, without locking out the holder of the
 * right secret. Each test speaks from loopback addresses of its own (127.0.1.x, 127.0.2.x).
 */
@ExtendWith(ArquillianExtension.class)
class FailedAttemptThrottleIT {

    static final int PER_ADDRESS = 20;
    static final int PER_KEY = 30;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war("apiauth.throttle.address-failures=" + PER_ADDRESS,
                "apiauth.throttle.key-failures=" + PER_KEY);
    }

    private static RawHttp.Reply me(String from, String credential) throws IOException {
        return RawHttp.send(from, "GET", "/v4/user/me", null, "Authorization: Bearer " + credential);
    }

    private static void assertThrottled(RawHttp.Reply reply) {
        assertEquals(429, reply.status(), reply::toString);
        assertEquals("application/json", reply.header("Content-Type"));
        assertEquals("{\"statusCode\":429,\"message\":\"Too many failed attempts; retry later\","
                + "\"error\":\"Too Many Requests\"}", reply.body());
        long retryAfter = Long.parseLong(reply.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3601, reply.head());
    }

    @Test
    void aBurstOfFailuresFromOneAddressIsThrottledButTheRightSecretStillWorks() throws IOException {
        var tenant = Tenant.create();
        var from = "127.0.1.7";
        int unauthorized = 0;
        for (int i = 0; i < PER_ADDRESS; i++) {
            var reply = me(from, "rgo-" + UUID.randomUUID().toString().replace("-", "").substring(0, 30) + "AAAAAA");
            assertEquals(401, reply.status(), reply::toString);
            unauthorized++;
        }
        assertThrottled(me(from, "rgo-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA000000"));
        assertThrottled(me(from, "ak_live:garbage"));
        assertEquals(200, me(from, tenant.ownerToken()).status());
        assertEquals(401, me("127.0.1.8", "rgo-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA000000").status());
        System.out.println("address throttle: " + unauthorized + " failures answered 401, then 429");
    }

    @Test
    void guessingOneKeyFromManyAddressesIsThrottledForThatKeyOnly() throws IOException {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var id = key.split(":")[1];
        var random = new SecureRandom();
        int throttled = 0;
        for (int i = 0; i < PER_KEY + 5; i++) {
            var from = "127.0.2." + (10 + i % 5);
            var reply = me(from, TokenFormat.newApiKey(random, id));
            if (i < PER_KEY) {
                assertEquals(401, reply.status(), reply::toString);
            } else {
                assertThrottled(reply);
                throttled++;
            }
        }
        assertEquals(200, me("127.0.2.99", key).status(), "the holder of the right secret is never locked out");
        var otherKey = tenant.apiKey();
        assertEquals(401, me("127.0.2.98", TokenFormat.newApiKey(random, otherKey.split(":")[1])).status());
        System.out.println("key throttle: " + PER_KEY + " wrong secrets answered 401, then " + throttled + " 429");
    }
}
