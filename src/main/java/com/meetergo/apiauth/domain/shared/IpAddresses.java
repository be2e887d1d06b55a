package com.meetergo.apiauth.domain.shared;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP addresses and CIDR ranges as text, read strictly and never resolved (no DNS): the dotted IPv4 form and the IPv6
 * forms of RFC 4291 / RFC 5952, each optionally with a prefix length. Everything else a lenient parser would take —
 * {@code 10.1} or {@code 0x0a000001} (inet_aton), {@code 10.*.*.*} or {@code 10.0.0.1-5} (wildcards, ranges), masks,
 * {@code fe80::1%eth0} (zones), leading zeros — is not an address here, so that what an allowlist shows is what it
 * means.
 */
public final class IpAddresses {

    private static final IPAddressStringParameters STRICT = strict();

    private static final Pattern PREFIX_LENGTH = Pattern.compile("0|[1-9][0-9]{0,2}");

    private IpAddresses() {}

    private static IPAddressStringParameters strict() {
        var b = new IPAddressStringParameters.Builder();
        b.allowEmpty(false);
        b.allowAll(false);
        b.allowSingleSegment(false);
        b.allowMask(false);
        b.allowPrefixOnly(false);
        b.allowWildcardedSeparator(false);
        b.setRangeOptions(RangeParameters.NO_RANGE);
        b.allow_inet_aton(false);
        var v4 = b.getIPv4AddressParametersBuilder();
        v4.allowLeadingZeros(false);
        v4.allowBinary(false);
        v4.allowPrefixesBeyondAddressSize(false);
        var v6 = b.getIPv6AddressParametersBuilder();
        v6.allowZone(false);
        v6.allowBase85(false);
        v6.allowBinary(false);
        v6.allowPrefixesBeyondAddressSize(false);
        v6.allow_mixed_inet_aton(false);
        return b.toParams();
    }

    /** An address or CIDR range written strictly (see above); empty for anything else. */
    public static Optional<IPAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        // the library's option against "/08" also refuses "/0"; a prefix length is written plainly
        int slash = text.indexOf('/');
        if (slash >= 0
                && !PREFIX_LENGTH.matcher(text).region(slash + 1, text.length()).matches()) {
            return Optional.empty();
        }
        var parsed = new IPAddressString(text, STRICT).getAddress();
        return Optional.ofNullable(parsed);
    }

    /**
     * A connection's address as the servlet container reports it (a single address; an IPv6 one perhaps in brackets):
     * an IPv4 client on an IPv6 socket ({@code ::ffff:192.0.2.1}) is the IPv4 address, so that an IPv4 allowlist and
     * the IPv4 networks apply to it.
     */
    public static Optional<IPAddress> client(String remoteAddress) {
        if (remoteAddress == null) {
            return Optional.empty();
        }
        var literal = remoteAddress.startsWith("[") && remoteAddress.endsWith("]")
                ? remoteAddress.substring(1, remoteAddress.length() - 1)
                : remoteAddress;
        // the container's own text: a zone (fe80::1%eth0) may be there, and is not part of the address
        int zone = literal.indexOf('%');
        if (zone > 0) {
            literal = literal.substring(0, zone);
        }
        return parse(literal).filter(a -> !a.isPrefixed()).map(a -> a.isIPv4Convertible() ? a.toIPv4() : a);
    }
}
