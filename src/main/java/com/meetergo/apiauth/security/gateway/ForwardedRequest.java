package com.meetergo.apiauth.security.gateway;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The client's request that a gateway asks the check about: its method and its URI as the client
 * sent it. Gateways say it in one of three ways: {@code X-Forwarded-Method} and
 * {@code X-Forwarded-Uri} (Traefik, Caddy), {@code X-Original-Method} and {@code X-Original-URI}
 * (the usual nginx {@code auth_request} setup), or the check's own method and the path after
 * {@code /gateway/check} (Envoy's {@code ext_authz} with a {@code path_prefix}).
 *
 * <p>A client may send any of these headers itself, and not every gateway removes the ones it does
 * not set. So the conventions must agree: each header appears at most once, every one present names
 * the same value, and a path after the check's own names it too. Anything else is no request at all,
 * and the check refuses it (fail closed) rather than choose.
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
        var methods = values(request, METHOD_HEADERS);
        var uris = values(request, URI_HEADERS);
        if (methods == null || uris == null) {
            return Optional.empty();
        }
        // The path after /gateway/check, raw as sent (getRequestURI is not decoded), with its query.
        var raw = request.getRequestURI().substring(request.getContextPath().length());
        if (raw.length() > CHECK_PATH.length()) {
            var suffix = raw.substring(CHECK_PATH.length());
            if (request.getQueryString() != null) {
                suffix += "?" + request.getQueryString();
            }
            uris.add(suffix);
        }
        methods.add(request.getMethod());
        // The check's own method counts only when no header names one (a gateway's check is often a GET).
        var method = methods.size() > 1 ? methods.subList(0, methods.size() - 1) : methods;
        if (uris.isEmpty() || uris.stream().distinct().count() != 1 || method.stream().distinct().count() != 1) {
            return Optional.empty();
        }
        return Optional.of(new ForwardedRequest(method.get(0), uris.get(0)));
    }

    /** The values of these headers, or null when one appears twice. */
    private static List<String> values(HttpServletRequest request, List<String> names) {
        var found = new ArrayList<String>();
        for (var name : names) {
            var values = Collections.list(request.getHeaders(name));
            if (values.size() > 1) {
                return null;
            }
            found.addAll(values);
        }
        return found;
    }

    private static String pathInWar(HttpServletRequest request) {
        var servlet = request.getServletPath();
        var info = request.getPathInfo();
        return (servlet == null ? "" : servlet) + (info == null ? "" : info);
    }
}
