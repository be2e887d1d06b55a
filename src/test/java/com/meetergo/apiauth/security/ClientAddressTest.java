package com.meetergo.apiauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.meetergo.apiauth.security.ClientAddress.Resolver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client address: the right-most address not of a trusted proxy, in the one header they write. */
class ClientAddressTest {

    private static final String PROXIES = "10[.]0[.]0[.]5|10[.]0[.]0[.]6";
    private static final Resolver XFF = new Resolver(PROXIES, "X-Forwarded-For");
    private static final Resolver FORWARDED = new Resolver(PROXIES, "Forwarded");

    @Test
    void anUntrustedPeerIsTheClientWhateverItWrites() {
        assertEquals("198.51.100.7", XFF.resolve("198.51.100.7", List.of("203.0.113.9")));
        assertEquals(
                "198.51.100.7",
                new Resolver("none", "X-Forwarded-For").resolve("198.51.100.7", List.of("203.0.113.9")));
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedAddressCounts() {
        // the client wrote 203.0.113.9; the proxy appended the address it saw
        assertEquals("198.51.100.7", XFF.resolve("10.0.0.5", List.of("203.0.113.9, 198.51.100.7")));
        assertEquals("198.51.100.7", XFF.resolve("10.0.0.5", List.of("203.0.113.9", "198.51.100.7")));
        // two proxies in a row
        assertEquals("198.51.100.7", XFF.resolve("10.0.0.5", List.of("203.0.113.9, 198.51.100.7, 10.0.0.6")));
        assertEquals("2001:db8::1", XFF.resolve("10.0.0.5", List.of("2001:db8::1")));
        assertEquals("192.0.2.1", XFF.resolve("10.0.0.5", List.of("[2001:db8::1", "192.0.2.1:4711")));
    }

    @Test
    void aTrustedProxyThatReportedNothingUsableIsTheClient() {
        assertEquals("10.0.0.5", XFF.resolve("10.0.0.5", List.of()));
        assertEquals("10.0.0.5", XFF.resolve("10.0.0.5", List.of("unknown")));
        assertEquals("10.0.0.6", XFF.resolve("10.0.0.5", List.of("203.0.113.9, garbage, 10.0.0.6")));
        assertEquals("10.0.0.5", XFF.resolve("10.0.0.5", List.of("999.0.0.1")));
    }

    @Test
    void forwardedIsReadOnlyWhenTheProxiesWriteIt() {
        assertEquals(
                "198.51.100.7",
                FORWARDED.resolve(
                        "10.0.0.5", List.of("for=203.0.113.9;proto=https, for=\"198.51.100.7:4711\";by=10.0.0.5")));
        assertEquals("2001:db8::7", FORWARDED.resolve("10.0.0.5", List.of("for=\"[2001:db8::7]:4711\"")));
        assertEquals("10.0.0.5", FORWARDED.resolve("10.0.0.5", List.of("for=_hidden")));
        assertEquals("10.0.0.5", FORWARDED.resolve("10.0.0.5", List.of("proto=https")));
        // proxies that write X-Forwarded-For: a Forwarded header is never looked at (ClientAddress reads one header)
        assertEquals("X-Forwarded-For", XFF.header());
        assertThrows(IllegalArgumentException.class, () -> new Resolver(PROXIES, "X-Real-IP"));
    }
}
