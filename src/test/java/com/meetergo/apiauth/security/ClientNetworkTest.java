package com.meetergo.apiauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.meetergo.apiauth.infrastructure.ratelimit.ClientNetwork;
import org.junit.jupiter.api.Test;

/** An IPv6 client rotating through its /64 is one client to the throttles; IPv4 addresses stay apart. */
class ClientNetworkTest {

    @Test
    void ipv6AddressesOfOneSlash64AreOneClient() {
        assertEquals(ClientNetwork.of("2001:db8:1:2::1"), ClientNetwork.of("2001:db8:1:2:ffff:ffff:ffff:fffe"));
        assertEquals(ClientNetwork.of("2001:db8:1:2::1"), ClientNetwork.of("[2001:0db8:0001:0002:0:0:0:7]"));
        assertEquals("20010db800010002::/64", ClientNetwork.of("2001:db8:1:2::1"));
        assertNotEquals(ClientNetwork.of("2001:db8:1:2::1"), ClientNetwork.of("2001:db8:1:3::1"));
    }

    @Test
    void ipv4AddressesAreCountedOneByOne() {
        assertEquals("192.0.2.1", ClientNetwork.of("192.0.2.1"));
        assertNotEquals(ClientNetwork.of("192.0.2.1"), ClientNetwork.of("192.0.2.2"));
        assertEquals("192.0.2.1", ClientNetwork.of("::ffff:192.0.2.1"), "an IPv4 client seen through IPv6");
    }
}
