package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.application.ApiKeyService;
import com.meetergo.apiauth.domain.model.credential.Scope;
import com.meetergo.apiauth.rest.dto.AllowedIpsRequest;
import com.meetergo.apiauth.rest.dto.ApiKeyView;
import com.meetergo.apiauth.rest.dto.CreateApiKeyRequest;
import com.meetergo.apiauth.rest.dto.CreatedApiKeyView;
import com.meetergo.apiauth.rest.dto.RotateRequest;
import com.meetergo.apiauth.rest.dto.SourcesView;
import com.meetergo.apiauth.rest.dto.UsageView;
import com.meetergo.apiauth.security.CurrentCaller;
import com.meetergo.apiauth.security.RequiresScope;
import com.meetergo.apiauth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform API Keys: only company owners and admins create, list and revoke them. */
@Tag(
        name = "API keys",
        description = "Platform API Keys of the company: created, listed, rotated, deactivated and "
                + "revoked by owners and admins.")
@Path("v4/api-key")
@ApplicationScoped
@RolesAllowed({Roles.OWNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    @Inject
    CurrentCaller caller;

    @Inject
    ApiKeyService keys;

    @Inject
    Clock clock;

    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @POST
    @APIResponse(
            responseCode = "201",
            description = "Created; the key is in this answer only",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CreatedApiKeyView.class)))
    @Refuses({Refusal.SCOPE_ESCALATION, Refusal.REPLACED_MINTS, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "createApiKey",
            summary = "Create an API key",
            description = "Creates a Platform API Key of the caller's company, valid 1 to 90 days. The "
                    + "key is in this answer only; lists show its hint.")
    public Response create(@NotNull(message = "a JSON body is required") @Valid CreateApiKeyRequest body) {
        var created = keys.create(caller.get(), body.name(), body.expiresInDays(), body.scopes(), body.allowedIps());
        return Response.status(Response.Status.CREATED)
                .entity(CreatedApiKeyView.of(created))
                .build();
    }

    /** All the company's keys; {@code ?expiringWithinDays=N}: the live ones that end within N days. */
    @RequiresScope(Scope.CREDENTIALS_READ)
    @GET
    @Operation(
            operationId = "listApiKeys",
            summary = "List the company's API keys",
            description = "Every API key of the company with its status, last use and rotation links, "
                    + "never the key. expiringWithinDays=N: only the live ones that end within N days.")
    public List<ApiKeyView> list(
            @QueryParam("expiringWithinDays")
                    @Min(value = 0, message = "expiringWithinDays must be between 0 and 3650")
                    @Max(value = 3650, message = "expiringWithinDays must be between 0 and 3650")
                    Integer expiringWithinDays) {
        var now = clock.instant();
        return keys.list(caller.get(), expiringWithinDays).stream()
                .map(k -> ApiKeyView.of(k, now))
                .toList();
    }

    @RequiresScope(Scope.CREDENTIALS_READ)
    @GET
    @Path("{id}/sources")
    @Refuses({Refusal.NOT_FOUND})
    @Operation(
            operationId = "listApiKeySources",
            summary = "Networks an API key was used from",
            description = "The client networks (IPv4 /24, IPv6 /48) it served requests from, the most "
                    + "recently seen first, with the first and last use and the requests: at "
                    + "most apiauth.sources.max-per-credential (100), the least "
                    + "recently seen leave first. A network not used in the "
                    + "last 30 days, after the credential's first day "
                    + "of use, is audited as "
                    + "credential.new_source. Figures lag by up to apiauth.usage.flush-interval (5 s).")
    public SourcesView sources(@PathParam("id") String id) {
        return SourcesView.of(id, keys.sources(caller.get(), id));
    }

    @RequiresScope(Scope.CREDENTIALS_READ)
    @GET
    @Path("{id}/usage")
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "getApiKeyUsage",
            summary = "Usage of an API key",
            description = "Requests per UTC day, oldest first, today included, every day present: success "
                    + "(served), refused (the secret was right, the request refused) and "
                    + "failed (a wrong secret for this key's id). days=1..90, default "
                    + "30. Figures lag by up to apiauth.usage.flush-interval (5 s).")
    public UsageView usage(
            @PathParam("id") String id,
            @QueryParam("days")
                    @DefaultValue("30")
                    @Min(value = 1, message = "days must be between 1 and 90")
                    @Max(value = 90, message = "days must be between 1 and 90")
                    int days) {
        return UsageView.of(id, keys.usage(caller.get(), id, days));
    }

    /** Replaces the key's IP allowlist; every server applies it within a second. */
    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @PUT
    @Path("{id}/allowed-ips")
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "setApiKeyAllowedIps",
            summary = "Set an API key's IP allowlist",
            description = "Replaces the addresses and CIDR ranges (IPv4, IPv6; at most 64) the key may be "
                    + "used from; [] is anywhere. A request from elsewhere, once its secret "
                    + "is proven, is refused (403 \"Credential not allowed from this "
                    + "IP address\"). Applied by every server within a "
                    + "second; audited as allowed_ips_changed. "
                    + "Answers the key as lists show it.")
    public ApiKeyView allowedIps(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid AllowedIpsRequest body) {
        return ApiKeyView.of(keys.allowFrom(caller.get(), id, body.allowedIps()), clock.instant());
    }

    /** Revokes: final, refused from the next request on. */
    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Revoked for good")
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke an API key",
            description = "Revokes the key for good: the next request with it is refused (401 \"Invalid API key\").")
    public Response revoke(@PathParam("id") String id) {
        keys.revoke(caller.get(), id);
        return Response.noContent().build();
    }

    /** Reversible: refused until activated again. */
    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @POST
    @Path("{id}/deactivate")
    @APIResponse(responseCode = "204", description = "Deactivated (reversible)")
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "deactivateApiKey",
            summary = "Deactivate an API key",
            description = "Refuses the key (401 \"API key has been deactivated\") until it is activated again.")
    public Response deactivate(@PathParam("id") String id) {
        keys.deactivate(caller.get(), id);
        return Response.noContent().build();
    }

    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @POST
    @Path("{id}/activate")
    @APIResponse(responseCode = "204", description = "Active again")
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "activateApiKey",
            summary = "Activate an API key",
            description = "Lets a deactivated key work again.")
    public Response activate(@PathParam("id") String id) {
        keys.activate(caller.get(), id);
        return Response.noContent().build();
    }

    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @POST
    @Path("{id}/rotate")
    @APIResponse(
            responseCode = "201",
            description = "The successor; the old key works until the grace period ends",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CreatedApiKeyView.class)))
    @Refuses({
        Refusal.NOT_FOUND,
        Refusal.SCOPE_ESCALATION,
        Refusal.REPLACED_MINTS,
        Refusal.NOT_ROTATABLE,
        Refusal.INVALID_INPUT
    })
    @Operation(
            operationId = "rotateApiKey",
            summary = "Rotate an API key",
            description = "Creates the key's successor (same name, linked to the old key). The old key "
                    + "keeps working for the grace period (default 3600 s, at most 86400), "
                    + "never past its own expiry.")
    public Response rotate(@PathParam("id") String id, @Valid RotateRequest body) {
        var request = body == null ? new RotateRequest(null, null, null) : body;
        var created = keys.rotate(caller.get(), id, request.grace(), request.expiresInDays(), request.scopes());
        return Response.status(Response.Status.CREATED)
                .entity(CreatedApiKeyView.of(created))
                .build();
    }
}
