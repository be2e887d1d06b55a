package com.meetergo.apiauth.infrastructure.webhook;

import com.meetergo.apiauth.domain.model.credential.IpAllowlist;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Where webhooks may go (server-side request forgery): an {@code https} URL without user info, whose host resolves only
 * to public addresses — never loopback, private, shared (CGNAT), link-local (the cloud metadata address 169.254.169.254
 * among them), unique-local, multicast, documentation or reserved ranges, nor an IPv6 form that embeds an IPv4 address.
 * Checked when an endpoint is registered and again on every connection: as the HTTP client's resolver, so the address
 * connected to is the address checked (a DNS answer that changes in between cannot slip through). {@code allowPrivate}
 * (apiauth.webhook.allow-private-targets) lifts both rules for development.
 */
public final class WebhookTargets implements DnsResolver {

    /**
     * One answer for a host that does not resolve and one that resolves to a non-public address: two would let an admin
     * map the operator's internal names by registering endpoints.
     */
    public static final String NOT_PUBLIC = "url's host must resolve to public addresses only";

    /** Every range that is not the public internet. */
    static final IpAllowlist NON_PUBLIC = IpAllowlist.named(List.of(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.88.99.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4",
            "240.0.0.0/4",
            "::/8",
            "64:ff9b::/96",
            "64:ff9b:1::/48",
            "100::/64",
            "2001::/23",
            "2001:db8::/32",
            "2002::/16",
            "fc00::/7",
            "fe80::/10",
            "fec0::/10",
            "ff00::/8"));

    public static final int MAX_URL_LENGTH = 2048;

    /** How a name becomes addresses: the system's resolver (a test's, to change the answer). */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] addressesOf(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Lookup lookup;

    public WebhookTargets(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public WebhookTargets(boolean allowPrivate, Lookup lookup) {
        this.allowPrivate = allowPrivate;
        this.lookup = lookup;
    }

    /** Why a target is refused: the message is the API's (it names the rule, never an address it resolved to). */
    public static final class RefusedTarget extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        RefusedTarget(String message) {
            super(message);
        }
    }

    /** The URL as it will be called, or why not. */
    public URI check(String url) throws RefusedTarget {
        if (url == null || url.isBlank()) {
            throw new RefusedTarget("url is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new RefusedTarget("url must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url).parseServerAuthority();
        } catch (URISyntaxException e) {
            throw new RefusedTarget("url is not a valid URL");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new RefusedTarget("url must be an https URL");
        }
        if (uri.getHost() == null) {
            throw new RefusedTarget("url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedTarget("url must not contain user information");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedTarget("url must not contain a fragment");
        }
        addressesOf(uri.getHost());
        return uri;
    }

    /** The host's addresses, all public (else none: the connection is refused). */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return addressesOf(host);
    }

    private InetAddress[] addressesOf(String host) throws RefusedTarget {
        var literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = lookup.addressesOf(literal);
        } catch (UnknownHostException e) {
            throw new RefusedTarget(NOT_PUBLIC);
        }
        if (!allowPrivate) {
            for (var address : addresses) {
                if (!isPublic(address)) {
                    throw new RefusedTarget(NOT_PUBLIC);
                }
            }
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host))
                .map(a -> new InetSocketAddress(a, port))
                .toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    static boolean isPublic(InetAddress address) {
        return !NON_PUBLIC.permits(address.getHostAddress());
    }
}
