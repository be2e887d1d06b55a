package com.meetergo.apiauth.security.introspection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The OAuth 2.0 error answers of the introspection endpoint (RFC 6749 §5.2: {@code {"error": …}}, never the contract's
 * shape, which is the v4 API's), for the one case the authentication mechanism must answer itself: a client whose Basic
 * header cannot be read (see {@code BasicHeaders}).
 */
public final class OAuthErrors {

    /** The endpoint's path in the WAR. */
    public static final String INTROSPECTION_PATH = "/oauth2/introspect";

    /** The challenge of a refused client (RFC 7617). */
    public static final String BASIC_CHALLENGE = "Basic realm=\"api-auth\"";

    private OAuthErrors() {}

    public static boolean isIntrospection(HttpServletRequest request) {
        var info = request.getPathInfo();
        var path = (request.getServletPath() == null ? "" : request.getServletPath()) + (info == null ? "" : info);
        return path.equals(INTROSPECTION_PATH);
    }

    public static String body(String error) {
        return "{\"error\":\"" + error + "\"}";
    }

    /** 401 invalid_client, with the Basic challenge; never cached. */
    public static void writeInvalidClient(HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", BASIC_CHALLENGE);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setContentType("application/json");
        var bytes = body("invalid_client").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
