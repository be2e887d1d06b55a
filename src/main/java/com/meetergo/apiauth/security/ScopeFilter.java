package com.meetergo.apiauth.security;

import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.contract.ErrorResponses;
import com.meetergo.apiauth.security.contract.ScopeRefusals;
import com.meetergo.apiauth.security.gateway.GatewayRoutes;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Where scopes are enforced, for every endpoint: after authentication, the user-header rules and the plan
 * ({@link UserContextFilter} runs first), before the role check ({@code @RolesAllowed}, at
 * {@link Priorities#AUTHORIZATION}). What a request may do is its credential's scopes AND its acting user's role: this
 * filter checks the first, the role check the second.
 *
 * <p>Reads nothing but the caller the identity store built from the cached credential and the endpoint's rules
 * ({@link EndpointRules}: the method's annotation, or the route table for a gateway's check): no database read, warm or
 * cold.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 500)
public class ScopeFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Inject
    AuthenticationMetrics metrics;

    @Inject
    GatewayRoutes routes;

    @Override
    public void filter(ContainerRequestContext context) {
        var caller = CurrentCaller.unchecked();
        if (caller == null || caller.rejection() != null) {
            // Unauthenticated (the leak report), or already answered by UserContextFilter.
            return;
        }
        var method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        var rules = routes.rulesFor(method, request);
        if (rules.anyScope()) {
            return;
        }
        if (rules.scope() == null) {
            // An endpoint that declares no scope, or a route no table names, is closed, never open to
            // every credential.
            UsageCountingFilter.markRefused(request);
            context.abortWith(ErrorResponses.of(ContractError.FORBIDDEN));
            return;
        }
        if (!caller.scopes().grant(rules.scope())) {
            metrics.refused(caller.credentialType(), AuthenticationOutcome.INSUFFICIENT_SCOPE);
            UsageCountingFilter.markRefused(request);
            context.abortWith(ScopeRefusals.response(rules.scope()));
        }
    }
}
