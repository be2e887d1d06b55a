package com.meetergo.apiauth.security.gateway;

import com.meetergo.apiauth.security.contract.ApiError;
import com.meetergo.apiauth.security.contract.ErrorResponses;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * A refusal of the gateway's check that the filters or the check itself made (user header, scope, role, a fault)
 * carries its body in {@link ErrorResponses#REFUSAL_HEADER} too, as the mechanism's refusals do: nginx passes the
 * check's headers on, not its body.
 */
@Provider
public class GatewayRefusalFilter implements ContainerResponseFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var method = resource.getResourceMethod();
        if (response.getStatus() >= 400
                && response.getEntity() instanceof ApiError error
                && method != null
                && method.isAnnotationPresent(JudgedByRouteTable.class)) {
            response.getHeaders().putSingle(ErrorResponses.REFUSAL_HEADER, ErrorResponses.json(error));
        }
    }
}
