package com.meetergo.apiauth.security;

import com.meetergo.apiauth.security.contract.ContractError;

/**
 * Thrown by an identity store to say why it refused a credential (a plain INVALID result cannot say "expired" or "wrong
 * user header"); the mechanism turns it into the contract's answer.
 */
public class CredentialRejectedException extends RuntimeException {

    private final ContractError error;

    private final AuthenticationOutcome outcome;

    public CredentialRejectedException(ContractError error) {
        this(error, AuthenticationOutcome.of(error));
    }

    private CredentialRejectedException(ContractError error, AuthenticationOutcome outcome) {
        super(error.name(), null, false, false);
        this.error = error;
        this.outcome = outcome;
    }

    /** A revoked credential with the right secret: the contract's "Invalid API key", counted as revoked. */
    static CredentialRejectedException revoked() {
        return new CredentialRejectedException(ContractError.INVALID_CREDENTIAL, AuthenticationOutcome.REVOKED);
    }

    public ContractError error() {
        return error;
    }

    AuthenticationOutcome outcome() {
        return outcome;
    }
}
