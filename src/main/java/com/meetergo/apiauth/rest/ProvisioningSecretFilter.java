package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.security.ClientAddress;
import com.meetergo.apiauth.security.ProvisioningSecret;
import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.contract.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The provisioning secret is checked before anything reads the body: a caller without it learns nothing of the body's
 * rules (no validation message), and its guesses are throttled. Unconfigured, the endpoint answers exactly like a path
 * that does not exist.
 */
@Provider
@ProvisioningSecretRequired
@Priority(Priorities.AUTHENTICATION)
public class ProvisioningSecretFilter implements ContainerRequestFilter {

    public static final String HEADER = "x-provisioning-secret";

    @Inject
    ClientAddress clientAddress;

    @Inject
    ProvisioningSecret secret;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        var check = secret.check(context.getHeaderString(HEADER), clientAddress.of(request));
        switch (check.verdict()) {
            case ACCEPTED -> {}
            case DISABLED -> context.abortWith(ErrorResponses.of(404, "Not Found"));
            case REFUSED -> context.abortWith(ErrorResponses.of(401, "Invalid provisioning secret"));
            case THROTTLED ->
                context.abortWith(Response.fromResponse(ErrorResponses.of(ContractError.TOO_MANY_FAILED_ATTEMPTS))
                        .header("Retry-After", check.retryAfterSeconds())
                        .build());
        }
    }
}
