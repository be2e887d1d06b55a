package com.meetergo.apiauth.security;

import com.meetergo.apiauth.rest.error.ContractError;
import com.meetergo.apiauth.rest.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * The contract's rule for API keys without {@code x-meetergo-api-user-id}: they act as the company
 * owner on the endpoints marked {@link OwnerContextAllowed}, and get 400 everywhere else. Runs
 * before the role checks: without a user there is no role to check.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class UserContextFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        var caller = (Caller) request.getAttribute(CallerProducer.ATTRIBUTE);
        if (caller == null || !caller.ownerByDefault()) {
            return;
        }
        var method = resource.getResourceMethod();
        if (method == null || !method.isAnnotationPresent(OwnerContextAllowed.class)) {
            context.abortWith(ErrorResponses.of(ContractError.MISSING_USER_HEADER));
        }
    }
}
