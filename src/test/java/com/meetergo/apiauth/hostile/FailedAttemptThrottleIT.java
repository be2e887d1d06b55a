package com.meetergo.apiauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Prometheus;
import com.meetergo.apiauth.support.RawHttp;
import com.meetergo.apiauth.support.Tenant;
import java.io.IOException;
import java.security.SecureRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guessing is throttled per client address: once over its limit, an address is answered 429 before any lookup, so a
 * guess costs the server neither a digest nor a database read. This class has a deployment of its own, so its counters
 * start at zero; it speaks from 127.0.0.1 and ::1, the two loopback addresses every machine has. The throttle per key
 * id: {@link KeyGuessThrottleIT}.
 */
@ExtendWith(ArquillianExtension.class)
class FailedAttemptThrottleIT {

    static final int PER_ADDRESS = 20;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war(
                "apiauth.throttle.address-failures=" + PER_ADDRESS, "apiauth.throttle.key-failures=1000000");
    }

    static RawHttp.Reply me(String from, String credential) throws IOException {
        return RawHttp.send(from, "GET", "/v4/user/me", null, "Authorization: Bearer " + credential);
    }

    static void assertThrottled(RawHttp.Reply reply) {
        assertEquals(429, reply.status(), reply::toString);
        assertEquals("application/json", reply.header("Content-Type"));
        assertEquals(
                "{\"statusCode\":429,\"message\":\"Too many failed attempts; retry later\","
                        + "\"error\":\"Too Many Requests\"}",
                reply.body());
        long retryAfter = Long.parseLong(reply.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3601, reply.head());
    }

    @Test
    void aThrottledAddressIsAnsweredBeforeAnyLookup() throws IOException {
        var tenant = Tenant.create();
        var from = "127.0.0.1";
        var random = new SecureRandom();
        long before = credentialReads();
        for (int i = 0; i < PER_ADDRESS; i++) {
            // well formed and unknown: each one is looked up, and counted
            var reply = me(from, TokenFormat.newPat(random));
            assertEquals(401, reply.status(), reply::toString);
        }
        long whileCounting = credentialReads() - before;
        assertThrottled(me(from, TokenFormat.newPat(random)));
        long throttledAt = credentialReads();
        for (int i = 0; i < GUESSES_WHILE_THROTTLED; i++) {
            assertThrottled(me(from, TokenFormat.newPat(random)));
        }
        assertThrottled(me(from, "ak_live:garbage"));
        long whileThrottled = credentialReads() - throttledAt;
        // every guess before the limit read the database; not one after it
        assertEquals(PER_ADDRESS, whileCounting);
        assertEquals(0, whileThrottled);
        // the address waits out its window whatever it sends, the right secret too; another address keeps its own
        // budget
        assertThrottled(me(from, tenant.ownerToken()));
        assertEquals(200, me("::1", tenant.ownerToken()).status());
        assertEquals(401, me("::1", TokenFormat.newPat(random)).status());
        System.out.println("address throttle: " + whileCounting + " database reads for " + PER_ADDRESS
                + " guesses before the limit, " + whileThrottled + " for " + GUESSES_WHILE_THROTTLED + " after");
    }

    private static final int GUESSES_WHILE_THROTTLED = 50;

    private static long credentialReads() {
        return Prometheus.series(Prometheus.scrape(), "apiauth_cache_credential_reads_total").stream()
                .mapToLong(Prometheus.Series::count)
                .sum();
    }
}
