package com.meetergo.apiauth.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Makes the authenticated {@link Caller} of the current request injectable. */
@ApplicationScoped
public class CallerProducer {

    static final String ATTRIBUTE = Caller.class.getName();

    @Inject
    HttpServletRequest request;

    @Produces
    Caller current() {
        var caller = (Caller) request.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller: is the resource outside /v4?");
        }
        if (caller.rejection() != null) {
            // UserContextFilter answers first; this guards a resource it might not cover.
            throw new CredentialRejectedException(caller.rejection());
        }
        return caller;
    }
}
