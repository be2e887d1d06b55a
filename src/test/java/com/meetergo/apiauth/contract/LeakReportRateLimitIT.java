package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.contract.CredentialRevocationIT.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.RawHttp;
import java.io.IOException;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * The open leak report is rate limited per client address. A deployment of its own (the limiter starts empty); it
 * speaks from 127.0.0.1 and ::1, the two loopback addresses every machine has.
 */
class LeakReportRateLimitIT extends ApiTest {

    @Test
    void reportsAreRateLimitedPerClientAddress() throws IOException {
        var statuses = new ArrayList<Integer>();
        String retryAfter = null;
        String lastBody = null;
        for (int i = 0; i < 12; i++) {
            var raw = RawHttp.send("127.0.0.1", "POST", "/v4/credential-revocation", body("rgo-x"));
            statuses.add(raw.status());
            if (raw.status() == 429) {
                retryAfter = raw.header("Retry-After");
                lastBody = raw.body();
                assertEquals("application/json", raw.header("Content-Type"));
            }
        }
        assertEquals(10, statuses.stream().filter(s -> s == 202).count(), statuses::toString);
        assertEquals(2, statuses.stream().filter(s -> s == 429).count(), statuses::toString);
        assertTrue(Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 61, retryAfter);
        assertEquals(
                "{\"statusCode\":429,\"message\":\"Too many requests; retry after " + retryAfter
                        + " seconds\",\"error\":\"Too Many Requests\"}",
                lastBody);
        // another address keeps its own budget
        var other = RawHttp.send("::1", "POST", "/v4/credential-revocation", body("rgo-x"));
        assertEquals(202, other.status(), other::toString);
    }
}
