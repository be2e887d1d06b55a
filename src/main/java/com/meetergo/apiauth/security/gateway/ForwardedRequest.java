package com.meetergo.apiauth.security.gateway;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/**
 * The client's request that a gateway asks the check about: its method and its URI as the client sent it. Gateways say
 * it in one of three ways: {@code X-Forwarded-Method} and {@code X-Forwarded-Uri} (Traefik, Caddy),
 * {@code X-Original-Method} and {@code X-Original-URI} (the usual nginx {@code auth_request} setup), or the check's own
 * method and the path after {@code /gateway/check} (Envoy's {@code ext_authz} with a {@code path_prefix}).
 *
 * <p>A client may send any of these headers itself, and not every gateway removes the ones it does not set. So the
 * conventions must agree: each header appears at most once, every one present names the same value, and a path after
 * the check's own names it too. Anything else is no request at all, and the check refuses it (fail closed) rather than
 * choose.
 */
public record ForwardedRequest(String method, String uri) {

    /** The check's own path; a gateway may append the client's path to it (Envoy). */
    public static final String CHECK_PATH = "/gateway/check";

    private static final List<String> METHOD_HEADERS = List.of("X-Forwarded-Method", "X-Original-Method");

    private static final List<String> URI_HEADERS = List.of("X-Forwarded-Uri", "X-Original-URI");

    /** Whether the request is a gateway's check. */
    public static boolean isCheck(HttpServletRequest request) {
        var path = pathInWar(request);
        return path.equals(CHECK_PATH) || path.startsWith(CHECK_PATH + "/");
    }

    /** The client's request, or empty when the gateway's account of it is missing or ambiguous. */
    public static Optional<ForwardedRequest> of(HttpServletRequest request) {
        // Plain loops, no collections: a check runs on every request of the platform.
        var uri = agreed(request, URI_HEADERS);
        if (uri == DISAGREE) {
            return Optional.empty();
        }
        // The path after /gateway/check, raw as sent (getRequestURI is not decoded), with its query.
        var raw = request.getRequestURI().substring(request.getContextPath().length());
        if (raw.length() > CHECK_PATH.length()) {
            var suffix = raw.substring(CHECK_PATH.length());
            if (request.getQueryString() != null) {
                suffix += "?" + request.getQueryString();
            }
            if (uri != null && !uri.equals(suffix)) {
                return Optional.empty();
            }
            uri = suffix;
        }
        var method = agreed(request, METHOD_HEADERS);
        if (method == DISAGREE) {
            return Optional.empty();
        }
        // The check's own method counts only when no header names one (a gateway's check is often a GET).
        if (method == null) {
            method = request.getMethod();
        }
        return uri == null ? Optional.empty() : Optional.of(new ForwardedRequest(method, uri));
    }

    /** What {@link #agreed} answers when a header appears twice, or two of them name different values. */
    private static final String DISAGREE = new String("headers that disagree");

    /** The one value these headers name, each at most once; null when none is present. */
    private static String agreed(HttpServletRequest request, List<String> names) {
        String agreed = null;
        for (var name : names) {
            var value = single(request, name);
            if (value == DISAGREE || value != null && agreed != null && !agreed.equals(value)) {
                return DISAGREE;
            }
            agreed = value != null ? value : agreed;
        }
        return agreed;
    }

    /** The one value of this header, null when absent, {@link #DISAGREE} when it appears more than once. */
    private static String single(HttpServletRequest request, String name) {
        var values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        var value = values.nextElement();
        return values.hasMoreElements() ? DISAGREE : value;
    }

    private static String pathInWar(HttpServletRequest request) {
        var servlet = request.getServletPath();
        var info = request.getPathInfo();
        return (servlet == null ? "" : servlet) + (info == null ? "" : info);
    }
}
