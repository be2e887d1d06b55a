package com.meetergo.apiauth.security;

import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.contract.ErrorResponses;
import com.meetergo.apiauth.security.gateway.GatewayRoutes;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * The contract's rules for {@code x-meetergo-api-user-id}, answered once the credential is proven and before any role
 * check (without a user there is no role to check): a user context the store rejected (PAT naming another user 403,
 * malformed 400, user of another company 500), and an API key naming no user, which acts as the owner on endpoints
 * marked {@link OwnerContextAllowed} and gets 400 everywhere else. Where an endpoint's rules come from — its
 * annotations, or the route table for a gateway's check — is {@link EndpointRules}'s business.
 *
 * <p>These answers come from here rather than from the mechanism because Liberty turns any 500 that an authentication
 * mechanism sends into a logged servlet exception (CWWKS9115E), which would let any key holder fill the log.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class UserContextFilter implements ContainerRequestFilter {

    @Inject
    ClientAddress clientAddress;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Inject
    Event<ActingAsOwner> actingAsOwner;

    @Inject
    GatewayRoutes routes;

    @Override
    public void filter(ContainerRequestContext context) {
        var caller = CurrentCaller.unchecked();
        if (caller == null) {
            return;
        }
        if (caller.rejection() != null) {
            context.abortWith(ErrorResponses.of(caller.rejection()));
            return;
        }
        if (!caller.ownerByDefault()) {
            return;
        }
        if (!routes.rulesFor(resource.getResourceMethod(), request).ownerByDefault()) {
            UsageCountingFilter.markRefused(request);
            context.abortWith(ErrorResponses.of(ContractError.MISSING_USER_HEADER));
            return;
        }
        actingAsOwner.fire(new ActingAsOwner(caller, clientAddress.of(request)));
    }
}
