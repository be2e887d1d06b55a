package com.meetergo.apiauth.security.credential;

import java.util.Locale;
import java.util.Optional;

/** The {@code x-meetergo-api-user-id} header: a user id in UUID form (any letter case). */
public final class UserHeader {

    public static final String NAME = "x-meetergo-api-user-id";

    private UserHeader() {}

    /** The user id in canonical (lower-case) form, or empty when the value is not a UUID. */
    public static Optional<String> userId(String value) {
        var trimmed = value.strip();
        if (trimmed.length() != 36 || !TokenFormat.isUuid(trimmed, 0, true)) {
            return Optional.empty();
        }
        return Optional.of(trimmed.toLowerCase(Locale.ROOT));
    }
}
