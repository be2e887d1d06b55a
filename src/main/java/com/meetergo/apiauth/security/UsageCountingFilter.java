package com.meetergo.apiauth.security;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts each authenticated request's outcome once its answer is made: refused when the user header was not honoured,
 * the scope was missing or the role check refused (those mark the request with {@link #REFUSED}), success otherwise —
 * served, whatever the resource answered — with the client's network ({@link SourceCounts}).
 */
@Provider
public class UsageCountingFilter implements ContainerResponseFilter {

    /** The request attribute that the scope and role refusals set. */
    public static final String REFUSED = "com.meetergo.apiauth.refused";

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    @Inject
    UsageCounts usage;

    @Inject
    SourceCounts sources;

    /** Marks the request being served as refused after its authentication (a role or scope refusal). */
    public static void markRefused(HttpServletRequest request) {
        request.setAttribute(REFUSED, Boolean.TRUE);
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        var caller = CurrentCaller.unchecked();
        if (caller == null) {
            return;
        }
        if (caller.rejection() != null || request.getAttribute(REFUSED) != null) {
            usage.refused(caller.credentialId());
        } else {
            usage.success(caller.credentialId());
            sources.served(caller, clientAddress.of(request));
        }
    }
}
