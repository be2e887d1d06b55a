package com.meetergo.apiauth.security;

import com.meetergo.apiauth.security.contract.ContractError;

/** How the authentication step ended, as counted in the metrics (label {@code outcome}). */
public enum AuthenticationOutcome {
    SUCCESS,
    MISSING,
    INVALID,
    EXPIRED,
    REVOKED,
    DEACTIVATED,
    IMPERSONATION_FORBIDDEN,
    FOREIGN_COMPANY,
    MALFORMED_USER_HEADER,
    THROTTLED,
    UNAVAILABLE,
    PLAN,
    IP_NOT_ALLOWED,
    /** Counted by {@link ScopeFilter} after a successful authentication, in {@code apiauth_refusals_total}. */
    INSUFFICIENT_SCOPE;

    private final String label = name().toLowerCase().replace('_', '-');

    /** The metric label, computed once: this runs on every request. */
    public String label() {
        return label;
    }

    /** The outcome an answer of the contract stands for (a revoked credential answers INVALID_CREDENTIAL too). */
    static AuthenticationOutcome of(ContractError error) {
        return switch (error) {
            case MISSING_AUTHORIZATION -> MISSING;
            case EXPIRED_CREDENTIAL -> EXPIRED;
            case DEACTIVATED_CREDENTIAL -> DEACTIVATED;
            case PAT_WITH_USER_HEADER -> IMPERSONATION_FORBIDDEN;
            case USER_NOT_IN_COMPANY -> FOREIGN_COMPANY;
            case MALFORMED_USER_HEADER -> MALFORMED_USER_HEADER;
            case TOO_MANY_FAILED_ATTEMPTS -> THROTTLED;
            case UNAVAILABLE -> UNAVAILABLE;
            case PAT_NOT_IN_PLAN, API_KEY_NOT_IN_PLAN -> PLAN;
            case IP_NOT_ALLOWED -> IP_NOT_ALLOWED;
            default -> INVALID;
        };
    }
}
