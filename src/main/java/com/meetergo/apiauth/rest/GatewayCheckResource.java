package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.security.CurrentCaller;
import com.meetergo.apiauth.security.Roles;
import com.meetergo.apiauth.security.UsageCountingFilter;
import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.contract.ErrorResponses;
import com.meetergo.apiauth.security.gateway.GatewayRoutes;
import com.meetergo.apiauth.security.gateway.IdentityHeaders;
import com.meetergo.apiauth.security.gateway.JudgedByRouteTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * The check a gateway asks for each client request of the platform's v4 API (nginx {@code auth_request}, Caddy
 * {@code forward_auth}, Traefik {@code ForwardAuth}, Envoy {@code ext_authz}): docs/gateway.md. By the time a method
 * here runs, the client's request has passed every step a request to this WAR takes — the mechanism (transport, size,
 * throttle, the credential, plan, allowlist), then {@code UserContextFilter} and {@code ScopeFilter} with the route's
 * rules from the route table ({@link JudgedByRouteTable}). What is left is the route's roles; then the answer is 200
 * with the identity for upstream ({@link IdentityHeaders}). A refusal is the contract's answer, as the WAR would give
 * it.
 *
 * <p>Every method a client may use has its own method here (JAX-RS would otherwise answer OPTIONS itself, with a 200);
 * the {@code {client}} variants take Envoy's form, the client's path after {@code /gateway/check}.
 *
 * <p>Not in {@code /openapi}: it is not part of the clients' API, and its contract for operators is docs/gateway.md
 * ({@code mp.openapi.scan.exclude.classes}).
 */
@Path("gateway/check")
@ApplicationScoped
public class GatewayCheckResource {

    @Context
    HttpServletRequest request;

    @Inject
    GatewayRoutes routes;

    @Inject
    CurrentCaller caller;

    Response check() {
        if (routes.route(request).map(r -> r.open()).orElse(false)) {
            return Response.ok().build();
        }
        var current = caller.get();
        if (!routes.rules(request).allowsRoles(Roles.groupsFor(current))) {
            UsageCountingFilter.markRefused(request);
            return ErrorResponses.of(ContractError.FORBIDDEN);
        }
        return IdentityHeaders.of(current).build();
    }

    @GET
    @JudgedByRouteTable
    public Response get() {
        return check();
    }

    @HEAD
    @JudgedByRouteTable
    public Response head() {
        return check();
    }

    @POST
    @JudgedByRouteTable
    public Response post() {
        return check();
    }

    @PUT
    @JudgedByRouteTable
    public Response put() {
        return check();
    }

    @PATCH
    @JudgedByRouteTable
    public Response patch() {
        return check();
    }

    @DELETE
    @JudgedByRouteTable
    public Response delete() {
        return check();
    }

    @OPTIONS
    @JudgedByRouteTable
    public Response options() {
        return check();
    }

    @GET
    @Path("{client: .+}")
    @JudgedByRouteTable
    public Response getPath() {
        return check();
    }

    @HEAD
    @Path("{client: .+}")
    @JudgedByRouteTable
    public Response headPath() {
        return check();
    }

    @POST
    @Path("{client: .+}")
    @JudgedByRouteTable
    public Response postPath() {
        return check();
    }

    @PUT
    @Path("{client: .+}")
    @JudgedByRouteTable
    public Response putPath() {
        return check();
    }

    @PATCH
    @Path("{client: .+}")
    @JudgedByRouteTable
    public Response patchPath() {
        return check();
    }

    @DELETE
    @Path("{client: .+}")
    @JudgedByRouteTable
    public Response deletePath() {
        return check();
    }

    @OPTIONS
    @Path("{client: .+}")
    @JudgedByRouteTable
    public Response optionsPath() {
        return check();
    }
}
