package com.meetergo.apiauth.infrastructure.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * What per-client limits count: an IPv4 address as it is, an IPv6 address by its /64 — one client usually holds a whole
 * /64 and can send from any address in it, so counting single IPv6 addresses would let it dodge every per-address
 * limit.
 */
public final class ClientNetwork {

    private ClientNetwork() {}

    /** The key of {@code address} (a literal, as the servlet container gives it; never resolved). */
    public static String of(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            var literal = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
            var parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet6Address v6) {
                return HexFormat.of().formatHex(v6.getAddress(), 0, 8) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException notALiteral) {
            return address;
        }
    }
}
