package com.meetergo.apiauth.domain.model.credential;

import com.meetergo.apiauth.domain.shared.DomainException;
import com.meetergo.apiauth.domain.shared.IpAddresses;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The addresses a credential may be used from: single addresses and CIDR ranges, IPv4 and IPv6. Empty means anywhere
 * (what every credential made without {@code "allowedIps"} has). Entries are kept in the order given, each once, in
 * their canonical text ({@code 2001:DB8:0::/32} is {@code 2001:db8::/32}); a range must be written from its first
 * address ({@code 10.0.0.1/8} is refused, naming {@code 10.0.0.0/8}: it is either a typo or a misunderstanding, and
 * guessing either way would fence the wrong network).
 */
public final class IpAllowlist {

    /** At most this many entries: a fence, not a routing table (GitHub's and Stripe's are of this order). */
    public static final int MAX_ENTRIES = 64;

    public static final IpAllowlist ANYWHERE = new IpAllowlist(List.of(), List.of());

    private final List<String> entries;

    private final List<IPAddress> ranges;

    private IpAllowlist(List<String> entries, List<IPAddress> ranges) {
        this.entries = entries;
        this.ranges = ranges;
    }

    /** The API's entries; the first that is not an address or range is named back to the client (400). */
    public static IpAllowlist named(Collection<String> given) {
        if (given.size() > MAX_ENTRIES) {
            throw DomainException.invalid("allowedIps holds at most " + MAX_ENTRIES + " entries");
        }
        var parsed = new LinkedHashMap<String, IPAddress>();
        for (var entry : given) {
            var range = parseEntry(entry);
            parsed.putIfAbsent(range.toCanonicalString(), range);
        }
        return parsed.isEmpty()
                ? ANYWHERE
                : new IpAllowlist(List.copyOf(parsed.keySet()), List.copyOf(parsed.values()));
    }

    private static IPAddress parseEntry(String entry) {
        var address = IpAddresses.parse(entry == null ? null : entry.strip())
                .orElseThrow(() -> DomainException.invalid(
                        "allowedIps entry '" + shown(entry) + "' is not an IPv4 or IPv6 address or CIDR range"));
        if (address.isPrefixed() && !address.isPrefixBlock()) {
            throw DomainException.invalid(
                    "allowedIps entry '" + shown(entry) + "' has bits set after its prefix: the range is "
                            + address.toZeroHost().toCanonicalString());
        }
        return address.isPrefixed() ? address.toPrefixBlock() : address;
    }

    /** The entry as the client sent it, cut short: an error names it, never echoes a page of text. */
    private static String shown(String entry) {
        if (entry == null) {
            return "null";
        }
        return entry.length() > 64 ? entry.substring(0, 64) + "…" : entry;
    }

    /** What {@link #stored()} wrote; null or empty is anywhere. */
    public static IpAllowlist fromStored(String stored) {
        if (stored == null || stored.isBlank()) {
            return ANYWHERE;
        }
        var entries = Arrays.stream(stored.split(" ")).filter(s -> !s.isEmpty()).toList();
        var ranges = new ArrayList<IPAddress>(entries.size());
        for (var entry : entries) {
            ranges.add(IpAddresses.parse(entry)
                    .map(a -> a.isPrefixed() ? a.toPrefixBlock() : a)
                    .orElseThrow(() -> new IllegalStateException("stored allowlist entry unreadable: " + entry)));
        }
        return new IpAllowlist(entries, List.copyOf(ranges));
    }

    /** Null for anywhere, else the canonical entries joined by spaces. */
    public String stored() {
        return entries.isEmpty() ? null : String.join(" ", entries);
    }

    public boolean isAnywhere() {
        return entries.isEmpty();
    }

    /**
     * Whether a request from {@code clientAddress} (the connection's peer, or the address a trusted proxy reported) may
     * use the credential. An address that cannot be read is outside every non-empty list: the fence fails closed.
     */
    public boolean permits(String clientAddress) {
        if (entries.isEmpty()) {
            return true;
        }
        var client = IpAddresses.client(clientAddress).orElse(null);
        if (client == null) {
            return false;
        }
        for (var range : ranges) {
            if (range.getIPVersion() == client.getIPVersion() && range.contains(client)) {
                return true;
            }
        }
        return false;
    }

    /** The entries in their canonical text, in the order given: what lists show. */
    public List<String> entries() {
        return entries;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAllowlist other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.isEmpty() ? "anywhere" : entries.toString();
    }
}
