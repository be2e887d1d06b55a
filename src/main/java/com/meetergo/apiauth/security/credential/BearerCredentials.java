package com.meetergo.apiauth.security.credential;

import jakarta.security.enterprise.credential.Credential;
import java.util.Optional;

/** Reads {@code Authorization: Bearer <credential>}: {@code rgo-…} is a PAT, anything else an API key. */
public final class BearerCredentials {

    private static final String SCHEME = "Bearer";

    private BearerCredentials() {}

    /**
     * Empty when the header is absent, blank, of another scheme, or has no credential after the scheme.
     * {@code clientAddress}: where the request comes from (what an IP allowlist is checked against).
     */
    public static Optional<Credential> from(String authorization, String actingUserHeader, String clientAddress) {
        if (authorization == null) {
            return Optional.empty();
        }
        var value = authorization.strip();
        int space = indexOfWhitespace(value);
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase(SCHEME)) {
            return Optional.empty();
        }
        var credential = value.substring(space + 1).strip();
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                credential.startsWith(TokenFormat.PAT_PREFIX)
                        ? new PersonalAccessTokenCredential(credential, actingUserHeader, clientAddress)
                        : new ApiKeyCredential(credential, actingUserHeader, clientAddress));
    }

    private static int indexOfWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == ' ' || value.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }
}
