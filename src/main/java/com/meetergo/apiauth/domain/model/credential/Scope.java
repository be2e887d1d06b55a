package com.meetergo.apiauth.domain.model.credential;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a credential may do, per resource and access: the API's scope names ({@code users:read}, …). A {@code …:write}
 * scope includes its resource's {@code …:read}, as GitHub's and Stripe's write permissions include read.
 */
public enum Scope {
    USERS_READ("users:read"),
    USERS_WRITE("users:write"),
    MEETING_TYPES_READ("meeting-types:read"),
    MEETING_TYPES_WRITE("meeting-types:write"),
    APPOINTMENTS_READ("appointments:read"),
    APPOINTMENTS_WRITE("appointments:write"),
    CREDENTIALS_READ("credentials:read"),
    CREDENTIALS_WRITE("credentials:write"),
    AUDIT_READ("audit:read");

    private static final Map<String, Scope> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Scope::apiName, Function.identity()));

    private final String apiName;

    Scope(String apiName) {
        this.apiName = apiName;
    }

    /** The name clients send and see, e.g. {@code meeting-types:write}. */
    public String apiName() {
        return apiName;
    }

    public static Optional<Scope> named(String apiName) {
        return Optional.ofNullable(apiName == null ? null : BY_NAME.get(apiName));
    }

    /** The scope that holding this one also grants (a write scope's read), or this scope itself. */
    Scope impliedRead() {
        return switch (this) {
            case USERS_WRITE -> USERS_READ;
            case MEETING_TYPES_WRITE -> MEETING_TYPES_READ;
            case APPOINTMENTS_WRITE -> APPOINTMENTS_READ;
            case CREDENTIALS_WRITE -> CREDENTIALS_READ;
            default -> this;
        };
    }

    @Override
    public String toString() {
        return apiName;
    }
}
