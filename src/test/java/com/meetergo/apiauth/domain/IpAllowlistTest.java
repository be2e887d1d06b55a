package com.meetergo.apiauth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.domain.model.credential.IpAllowlist;
import com.meetergo.apiauth.domain.shared.DomainException;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an allowlist accepts as an entry, how it is kept, and which addresses it lets through. */
class IpAllowlistTest {

    @Test
    void emptyIsAnywhereAndStoredAsNull() {
        var anywhere = IpAllowlist.named(List.of());
        assertSame(IpAllowlist.ANYWHERE, anywhere);
        assertNull(anywhere.stored());
        assertTrue(anywhere.permits("203.0.113.9"));
        assertTrue(anywhere.permits("::1"));
        assertTrue(anywhere.permits("not an address"), "no fence: nothing to fail closed on");
        assertSame(IpAllowlist.ANYWHERE, IpAllowlist.fromStored(null));
    }

    @Test
    void entriesAreCanonicalOnceInTheOrderGiven() {
        var list = IpAllowlist.named(
                List.of("198.51.100.7", "2001:DB8:0:0::/32", " 10.0.0.0/8 ", "198.51.100.7", "::ffff:0:0/96"));
        assertEquals(List.of("198.51.100.7", "2001:db8::/32", "10.0.0.0/8", "::ffff:0:0/96"), list.entries());
        assertEquals("198.51.100.7 2001:db8::/32 10.0.0.0/8 ::ffff:0:0/96", list.stored());
        assertEquals(list, IpAllowlist.fromStored(list.stored()));
    }

    @Test
    void permitsAddressesInsideItsRangesOnly() {
        var list = IpAllowlist.named(List.of("198.51.100.7", "10.0.0.0/8", "2001:db8:1::/48"));
        assertTrue(list.permits("198.51.100.7"));
        assertFalse(list.permits("198.51.100.8"));
        assertTrue(list.permits("10.0.0.0"));
        assertTrue(list.permits("10.255.255.255"));
        assertFalse(list.permits("11.0.0.0"));
        assertTrue(list.permits("2001:db8:1:ffff::1"));
        assertTrue(list.permits("[2001:db8:1::2]"));
        assertFalse(list.permits("2001:db8:2::1"));
        // an IPv4 client on a dual-stack socket is its IPv4 address
        assertTrue(list.permits("::ffff:10.1.2.3"));
        assertTrue(list.permits("::ffff:198.51.100.7"));
        // unreadable, absent or a range instead of an address: outside (fail closed)
        assertFalse(list.permits(null));
        assertFalse(list.permits("localhost"));
        assertFalse(list.permits("10.0.0.0/8"));
        assertFalse(
                IpAllowlist.named(List.of("127.0.0.1")).permits("::1"), "IPv4 and IPv6 loopbacks are two addresses");
    }

    @Test
    void aZoneInTheClientAddressIsNotPartOfTheAddress() {
        assertTrue(IpAllowlist.named(List.of("fe80::/10")).permits("fe80::1%eth0"));
    }

    @Test
    void wholeAddressSpacesAreAllowedAsWritten() {
        assertTrue(IpAllowlist.named(List.of("0.0.0.0/0")).permits("203.0.113.1"));
        assertFalse(IpAllowlist.named(List.of("0.0.0.0/0")).permits("2001:db8::1"));
        assertTrue(IpAllowlist.named(List.of("::/0")).permits("2001:db8::1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "localhost",
                "example.com",
                "10.1",
                "0x0a000001",
                "10.0.0.01",
                "010.0.0.1",
                "10.*.*.*",
                "10.0.0.1-5",
                "10.0.0.0/255.0.0.0",
                "/24",
                "10.0.0.0/33",
                "2001:db8::/129",
                "fe80::1%eth0",
                "[2001:db8::1]",
                "10.0.0.0/08",
                "1.2.3.4.5",
                "256.0.0.1",
                "*",
                "10.0.0.0 /8",
                "2001:db8::g"
            })
    void refusesWhatIsNotAnAddressOrRangeNamingTheEntry(String entry) {
        var refused = assertThrows(DomainException.class, () -> IpAllowlist.named(List.of("192.0.2.1", entry)));
        assertEquals(DomainException.Kind.INVALID, refused.kind());
        assertEquals(
                "allowedIps entry '" + entry + "' is not an IPv4 or IPv6 address or CIDR range", refused.getMessage());
    }

    @Test
    void aRangeIsWrittenFromItsFirstAddress() {
        var refused = assertThrows(DomainException.class, () -> IpAllowlist.named(List.of("10.0.0.1/8")));
        assertEquals(
                "allowedIps entry '10.0.0.1/8' has bits set after its prefix: the range is 10.0.0.0/8",
                refused.getMessage());
        var v6 = assertThrows(DomainException.class, () -> IpAllowlist.named(List.of("2001:db8::1/32")));
        assertEquals(
                "allowedIps entry '2001:db8::1/32' has bits set after its prefix: the range is 2001:db8::/32",
                v6.getMessage());
    }

    @Test
    void aNullEntryAndTooManyEntriesAreRefused() {
        var nullEntry = assertThrows(DomainException.class, () -> IpAllowlist.named(Collections.singletonList(null)));
        assertEquals("allowedIps entry 'null' is not an IPv4 or IPv6 address or CIDR range", nullEntry.getMessage());
        var many = IntStream.rangeClosed(1, IpAllowlist.MAX_ENTRIES + 1)
                .mapToObj(i -> "192.0.2." + i)
                .toList();
        assertEquals(
                "allowedIps holds at most 64 entries",
                assertThrows(DomainException.class, () -> IpAllowlist.named(many))
                        .getMessage());
        var longest = IpAllowlist.named(IntStream.range(0, IpAllowlist.MAX_ENTRIES)
                .mapToObj(i -> String.format("ffff:ffff:ffff:ffff:ffff:ffff:ffff:%04x/128", i))
                .toList());
        assertTrue(
                longest.stored().length() <= 3000,
                "fits the column: " + longest.stored().length());
    }
}
