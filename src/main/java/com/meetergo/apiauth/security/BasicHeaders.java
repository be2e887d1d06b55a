package com.meetergo.apiauth.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A Basic {@code Authorization} header that Liberty itself cannot read. On a request that no mechanism authenticates
 * (an unprotected path: the leak report, the sign-up, introspection, an open route of the gateway check), Liberty's
 * audit code decodes any header starting with {@code "Basic "} and, when it is not Base64 of {@code id:secret}, fails
 * with an HTML 500 and an FFDC incident (WebProviderAuthenticatorProxy, Open Liberty 26.0.0.3). The mechanism answers
 * such a request itself, before Liberty gets there (docs/decisions.md).
 */
final class BasicHeaders {

    private BasicHeaders() {}

    /** Whether Liberty's audit would fail on this header: "Basic " (as Liberty compares it), then not id:secret. */
    static boolean unreadable(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return false;
        }
        try {
            var decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            return decoded.indexOf(':') < 0;
        } catch (IllegalArgumentException notBase64) {
            return true;
        }
    }
}
