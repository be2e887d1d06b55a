package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.application.ClientRateLimiter;
import com.meetergo.apiauth.application.LeakedCredentialService;
import com.meetergo.apiauth.rest.dto.CredentialRevocationRequest;
import com.meetergo.apiauth.rest.dto.CredentialRevocationView;
import com.meetergo.apiauth.security.ClientAddress;
import com.meetergo.apiauth.security.NoScopeRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reporting a leaked credential: needs no credential (web.xml leaves this path open), revokes every value that matches
 * a live credential, and always answers 202 with the same shape.
 */
@Tag(name = "Leak reports", description = "Report leaked credentials without any credential of your own.")
@Path("v4/credential-revocation")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CredentialRevocationResource {

    @Inject
    ClientAddress clientAddress;

    @Inject
    LeakedCredentialService leaks;

    @Inject
    ClientRateLimiter limiter;

    @Context
    HttpServletRequest request;

    @NoScopeRequired
    @POST
    @APIResponse(
            responseCode = "202",
            description = "Always, whatever was found: no oracle",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CredentialRevocationView.class)))
    @Refuses({Refusal.INVALID_INPUT})
    @Operation(
            operationId = "reportLeakedCredentials",
            summary = "Report leaked credentials",
            description = "Revokes every live credential among up to 100 values. Needs no credential. "
                    + "Always 202 with the number of well-formed values, never which ones "
                    + "matched. Limited per client address (429 with Retry-After).")
    public Response report(@NotNull(message = "a JSON body is required") @Valid CredentialRevocationRequest body) {
        limiter.acquire(clientAddress.of(request));
        var accepted = leaks.report(body.credentials());
        return Response.accepted(new CredentialRevocationView(accepted)).build();
    }
}
