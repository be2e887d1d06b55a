package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.application.CompanyService;
import com.meetergo.apiauth.domain.model.credential.Scope;
import com.meetergo.apiauth.rest.dto.TokenPolicy;
import com.meetergo.apiauth.security.CurrentCaller;
import com.meetergo.apiauth.security.RequiresScope;
import com.meetergo.apiauth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The company's credential policy, for owners and admins (as a GitHub organisation's token policy). */
@Tag(name = "Company", description = "The company's plan and credential policy.")
@Path("v4/company/token-policy")
@ApplicationScoped
@RolesAllowed({Roles.OWNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompanyPolicyResource {

    @Inject
    CurrentCaller caller;

    @Inject
    CompanyService companies;

    @RequiresScope(Scope.CREDENTIALS_READ)
    @GET
    @Operation(
            operationId = "getTokenPolicy",
            summary = "Read the token policy",
            description = "The longest a new Personal Access Token of the company may live, in days (null: no limit).")
    public TokenPolicy get() {
        return TokenPolicy.of(companies.of(caller.get()));
    }

    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @PUT
    @Refuses({Refusal.INVALID_INPUT})
    @Operation(
            operationId = "setTokenPolicy",
            summary = "Set the token policy",
            description = "From now on, new and rotated Personal Access Tokens of the company expire within"
                    + " maxPersonalAccessTokenLifetimeDays (1 to 3650; null lifts the limit). Existing tokens keep"
                    + " their expiry. Audited as token_policy_changed (old -> new) when the value changes.")
    public TokenPolicy set(@NotNull(message = "a JSON body is required") @Valid TokenPolicy body) {
        return TokenPolicy.of(companies.limitPatLifetime(caller.get(), body.maxPersonalAccessTokenLifetimeDays()));
    }
}
