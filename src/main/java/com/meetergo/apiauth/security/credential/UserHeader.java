package com.meetergo.apiauth.security.credential;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code x-meetergo-api-user-id} header: a user id in UUID form (any letter case). */
public final class UserHeader {

    public static final String NAME = "x-meetergo-api-user-id";
    private static final Pattern UUID_FORM = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private UserHeader() {
    }

    /** The user id in canonical (lower-case) form, or empty when the value is not a UUID. */
    public static Optional<String> userId(String value) {
        var trimmed = value.strip();
        if (!UUID_FORM.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(trimmed).toString());
    }
}
