package com.meetergo.apiauth.security;

import jakarta.security.enterprise.CallerPrincipal;

/** The container's principal: named by the acting user's id (else the credential's), carrying the {@link Caller}. */
public class ApiCallerPrincipal extends CallerPrincipal {

    private final transient Caller caller;

    public ApiCallerPrincipal(Caller caller) {
        super(caller.userId() != null ? caller.userId() : caller.credentialId());
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }
}
