package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.application.ProvisioningService;
import com.meetergo.apiauth.domain.model.company.Plan;
import com.meetergo.apiauth.rest.dto.CompanyPlanView;
import com.meetergo.apiauth.rest.dto.PlanRequest;
import com.meetergo.apiauth.rest.dto.ProvisionCompanyRequest;
import com.meetergo.apiauth.rest.dto.ProvisionedCompanyView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the platform's sign-up calls to create a company. Guarded by a secret the operator sets
 * (APIAUTH_PROVISIONING_SECRET, checked by {@link ProvisioningSecretFilter} before the body is read); without one the
 * endpoint does not exist (404).
 */
@Tag(
        name = "Provisioning",
        description = "The platform's sign-up and billing: creates a company with its owner, changes its "
                + "plan (x-provisioning-secret).")
@Path("provisioning/companies")
@ProvisioningSecretRequired
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProvisioningResource {

    @Inject
    ProvisioningService provisioning;

    @POST
    @APIResponse(
            responseCode = "201",
            description = "The company, its owner and the owner's first token (shown once)",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ProvisionedCompanyView.class)))
    @Refuses({
        Refusal.PROVISIONING_SECRET_INVALID,
        Refusal.PROVISIONING_OFF,
        Refusal.PROVISIONING_THROTTLED,
        Refusal.DUPLICATE_EMAIL,
        Refusal.INVALID_INPUT
    })
    @Operation(
            operationId = "provisionCompany",
            summary = "Provision a company",
            description = "Creates a company, its owner and the owner's first Personal Access Token "
                    + "(shown once). Needs x-provisioning-secret; without a configured secret "
                    + "the endpoint does not exist (404).")
    @Parameter(
            name = ProvisioningSecretFilter.HEADER,
            in = ParameterIn.HEADER,
            required = true,
            schema = @Schema(type = SchemaType.STRING),
            description = "The operator's provisioning secret (APIAUTH_PROVISIONING_SECRET), checked before the body")
    public Response provision(@NotNull(message = "a JSON body is required") @Valid ProvisionCompanyRequest body) {
        var owner = body.owner();
        var plan = body.plan() == null ? Plan.DEFAULT : Plan.valueOf(body.plan());
        var created = provisioning.provision(body.name(), owner.email(), owner.givenName(), owner.familyName(), plan);
        return Response.status(Response.Status.CREATED)
                .entity(new ProvisionedCompanyView(
                        created.company().id(),
                        created.owner().id(),
                        created.token() == null ? null : created.token().secret()))
                .build();
    }

    @PUT
    @Path("{companyId}/plan")
    @APIResponse(
            responseCode = "200",
            description = "The company's plan now",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = CompanyPlanView.class)))
    @Refuses({
        Refusal.PROVISIONING_SECRET_INVALID,
        Refusal.PROVISIONING_COMPANY_OR_OFF,
        Refusal.PROVISIONING_THROTTLED,
        Refusal.INVALID_INPUT
    })
    @Operation(
            operationId = "changeCompanyPlan",
            summary = "Change a company's plan",
            description =
                    "Credentials the new plan excludes are not revoked: after their secret is proven every request"
                            + " gets 403 until an upgrade, on every server within a second. Audited "
                            + "(plan_changed, old -> new).")
    @Parameter(
            name = ProvisioningSecretFilter.HEADER,
            in = ParameterIn.HEADER,
            required = true,
            schema = @Schema(type = SchemaType.STRING),
            description = "The operator's provisioning secret (APIAUTH_PROVISIONING_SECRET), checked before the body")
    public CompanyPlanView changePlan(
            @PathParam("companyId") String companyId,
            @NotNull(message = "a JSON body is required") @Valid PlanRequest body) {
        return CompanyPlanView.of(provisioning.changePlan(companyId, Plan.valueOf(body.plan())));
    }
}
