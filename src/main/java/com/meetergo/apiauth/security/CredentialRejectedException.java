package com.meetergo.apiauth.security;

import com.meetergo.apiauth.rest.error.ContractError;

/**
 * Thrown by an identity store to say why it refused a credential (a plain INVALID result cannot
 * say "expired" or "wrong user header"); the mechanism turns it into the contract's answer.
 */
public class CredentialRejectedException extends RuntimeException {

    private final ContractError error;

    public CredentialRejectedException(ContractError error) {
        super(error.name(), null, false, false);
        this.error = error;
    }

    public ContractError error() {
        return error;
    }
}
