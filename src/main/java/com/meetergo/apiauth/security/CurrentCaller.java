package com.meetergo.apiauth.security;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The authenticated {@link Caller} of the request this thread is serving, for the resources (which are
 * application-scoped: one instance, no per-request bean to build) and {@link UserContextFilter}.
 *
 * <p>Thread-bound, like the container's own security subject: {@link BearerAuthenticationMechanism} sets it at the
 * start of every request it sees — null first, then the caller once the credential is proven — and clears it when the
 * response is secured. Liberty calls the mechanism first on every request of this WAR, protected or not, so a thread
 * never serves one request with another's caller, even where the response is not secured (a gateway's check logs nobody
 * in); and nothing but the resources and filters of a request reads it. Held in a {@code ThreadLocal} rather than a
 * request attribute because reading the request through CDI's request-scoped proxy cost more than the rest of the
 * authentication step (bench/run's profile).
 */
@ApplicationScoped
public class CurrentCaller {

    private static final ThreadLocal<Caller> SERVING = new ThreadLocal<>();

    static void set(Caller caller) {
        SERVING.set(caller);
    }

    static void clear() {
        SERVING.remove();
    }

    /** The caller as the identity store left it, rejected user contexts included; null when none. */
    static Caller unchecked() {
        return SERVING.get();
    }

    /** The caller a resource acts for. */
    public Caller get() {
        var caller = SERVING.get();
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
