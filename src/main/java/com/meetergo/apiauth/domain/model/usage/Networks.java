package com.meetergo.apiauth.domain.model.usage;

import com.meetergo.apiauth.domain.shared.IpAddresses;
import java.util.Optional;

/**
 * The network a client address belongs to, as the sources of a credential count it: an IPv4 address's /24, an IPv6
 * address's /48 (what one site is usually given: a new /48 is a new place, a new address within it is not), in
 * canonical text ({@code 203.0.113.0/24}, {@code 2001:db8:7::/48}).
 */
public final class Networks {

    public static final int IPV4_PREFIX = 24;

    public static final int IPV6_PREFIX = 48;

    private Networks() {}

    /** Empty for an address that cannot be read (none, or not a literal address). */
    public static Optional<String> of(String clientAddress) {
        return IpAddresses.client(clientAddress)
                .map(a ->
                        a.toPrefixBlock(a.isIPv4() ? IPV4_PREFIX : IPV6_PREFIX).toCanonicalString());
    }
}
