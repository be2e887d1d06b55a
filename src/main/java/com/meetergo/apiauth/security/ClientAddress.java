package com.meetergo.apiauth.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place a request's client address comes from, for the allowlists, the throttles, the last use, the sources,
 * the audit trail and the leak reports. It is the connection's peer, unless that peer is a proxy the operator trusts
 * ({@code trusted.proxies}, a regular expression of their addresses; none by default): then it is the right-most
 * address of the forwarding header those proxies write ({@code trusted.proxies.header}: {@code X-Forwarded-For}, or
 * {@code Forwarded}) that is not itself a trusted proxy. Each proxy appends the address it saw to the right, so
 * everything a client writes stays on the left, where it is never read; the other forwarding headers ({@code Forwarded}
 * when proxies write {@code X-Forwarded-For}, {@code X-Real-IP}) are never read at all. An entry that is no address
 * literal ({@code unknown}, an obfuscated identifier) stops the walk at the proxy that wrote it.
 */
@ApplicationScoped
public class ClientAddress {

    private static final String ATTRIBUTE = ClientAddress.class.getName();

    @Inject
    @ConfigProperty(name = "trusted.proxies", defaultValue = "none")
    String trustedProxies;

    @Inject
    @ConfigProperty(name = "trusted.proxies.header", defaultValue = "X-Forwarded-For")
    String header;

    private Resolver resolver;

    @PostConstruct
    void init() {
        resolver = new Resolver(trustedProxies, header);
    }

    /** The client address of {@code request}, worked out once per request. */
    public String of(HttpServletRequest request) {
        var known = request.getAttribute(ATTRIBUTE);
        if (known instanceof String address) {
            return address;
        }
        var address =
                resolver.resolve(request.getRemoteAddr(), Collections.list(request.getHeaders(resolver.header())));
        request.setAttribute(ATTRIBUTE, address);
        return address;
    }

    /** The rule itself, without a request: the peer, the trusted proxies and the header they write. */
    public record Resolver(Pattern trusted, String header, boolean forwarded) {

        public Resolver(String trustedProxies, String header) {
            this(
                    "none".equals(trustedProxies) || trustedProxies == null || trustedProxies.isBlank()
                            ? null
                            : Pattern.compile(trustedProxies),
                    header,
                    "forwarded".equalsIgnoreCase(header.strip()));
            if (!forwarded && !"x-forwarded-for".equalsIgnoreCase(header.strip())) {
                throw new IllegalArgumentException("trusted.proxies.header must be X-Forwarded-For or Forwarded");
            }
        }

        // Compiled once: String.matches compiles its expression on every call, and this runs per request.
        private static final Pattern PORT = Pattern.compile(":\\d{1,5}");
        private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})(?::\\d{1,5})?");
        private static final Pattern V6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

        /** {@code values}: every line of the forwarding header, in the order received. */
        public String resolve(String peer, List<String> values) {
            var hop = peer;
            if (!isTrusted(hop)) {
                return hop;
            }
            var entries = entries(values);
            for (int i = entries.size() - 1; i >= 0; i--) {
                var entry = literal(entries.get(i));
                if (entry == null) {
                    return hop;
                }
                hop = entry;
                if (!isTrusted(hop)) {
                    return hop;
                }
            }
            return hop;
        }

        private boolean isTrusted(String address) {
            return trusted != null && trusted.matcher(address).matches();
        }

        private List<String> entries(List<String> values) {
            var entries = new ArrayList<String>();
            for (var value : values) {
                for (var element : value.split(",")) {
                    entries.add(forwarded ? forParameter(element) : element.strip());
                }
            }
            return entries;
        }

        /** The {@code for} parameter of one element of {@code Forwarded} (RFC 7239), unquoted; "" if none. */
        private static String forParameter(String element) {
            for (var pair : element.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0
                        && pair.substring(0, equals)
                                .strip()
                                .toLowerCase(Locale.ROOT)
                                .equals("for")) {
                    var value = pair.substring(equals + 1).strip();
                    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                            ? value.substring(1, value.length() - 1)
                            : value;
                }
            }
            return "";
        }

        /**
         * {@code entry} as an address literal without a port (IPv4 {@code a.b.c.d[:port]}, IPv6 bare or
         * {@code [v6][:port]}), never resolved; null when it is none.
         */
        static String literal(String entry) {
            var text = entry.strip();
            if (text.startsWith("[")) {
                int end = text.indexOf(']');
                if (end < 0) {
                    return null;
                }
                var rest = text.substring(end + 1);
                if (!rest.isEmpty() && !PORT.matcher(rest).matches()) {
                    return null;
                }
                text = text.substring(1, end);
                return isV6(text) ? text : null;
            }
            var ipv4 = IPV4.matcher(text);
            if (ipv4.matches()) {
                var v4 = ipv4.group(1);
                for (var part : v4.split("\\.")) {
                    if (Integer.parseInt(part) > 255) {
                        return null;
                    }
                }
                return v4;
            }
            return isV6(text) ? text : null;
        }

        private static boolean isV6(String text) {
            if (!V6_CHARACTERS.matcher(text).matches() || text.indexOf(':') < 0) {
                return false;
            }
            try {
                return InetAddress.getByName(text) instanceof Inet6Address;
            } catch (UnknownHostException notALiteral) {
                return false;
            }
        }
    }
}
