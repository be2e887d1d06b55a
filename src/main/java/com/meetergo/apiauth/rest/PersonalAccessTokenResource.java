package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.application.PersonalAccessTokenService;
import com.meetergo.apiauth.domain.model.credential.Scope;
import com.meetergo.apiauth.rest.dto.AllowedIpsRequest;
import com.meetergo.apiauth.rest.dto.CreatePersonalAccessTokenRequest;
import com.meetergo.apiauth.rest.dto.CreatedPersonalAccessTokenView;
import com.meetergo.apiauth.rest.dto.PersonalAccessTokenView;
import com.meetergo.apiauth.rest.dto.RotateRequest;
import com.meetergo.apiauth.rest.dto.SourcesView;
import com.meetergo.apiauth.rest.dto.UsageView;
import com.meetergo.apiauth.security.CurrentCaller;
import com.meetergo.apiauth.security.NoScopeRequired;
import com.meetergo.apiauth.security.RequiresScope;
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

/** The acting user's own Personal Access Tokens. */
@Tag(name = "Personal access tokens", description = "The acting user's own Personal Access Tokens.")
@Path("v4/personal-access-token")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PersonalAccessTokenResource {

    @Inject
    CurrentCaller caller;

    @Inject
    PersonalAccessTokenService tokens;

    @Inject
    Clock clock;

    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @POST
    @APIResponse(
            responseCode = "201",
            description = "Created; the token is in this answer only",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CreatedPersonalAccessTokenView.class)))
    @Refuses({Refusal.SCOPE_ESCALATION, Refusal.REPLACED_MINTS, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "createToken",
            summary = "Create a personal access token",
            description = "Creates a Personal Access Token for the acting user, with an optional expiry. "
                    + "The token is in this answer only; lists show its hint.")
    public Response create(@NotNull(message = "a JSON body is required") @Valid CreatePersonalAccessTokenRequest body) {
        var created = tokens.create(caller.get(), body.name(), body.expiresAt(), body.scopes(), body.allowedIps());
        return Response.status(Response.Status.CREATED)
                .entity(CreatedPersonalAccessTokenView.of(created))
                .build();
    }

    /** The acting user's tokens; {@code ?expiringWithinDays=N}: the live ones that end within N days. */
    @RequiresScope(Scope.CREDENTIALS_READ)
    @GET
    @Operation(
            operationId = "listTokens",
            summary = "List personal access tokens",
            description = "The acting user's tokens with status, last use and rotation links, never the "
                    + "token. expiringWithinDays=N: only the live ones that end within N days.")
    public List<PersonalAccessTokenView> list(
            @QueryParam("expiringWithinDays")
                    @Min(value = 0, message = "expiringWithinDays must be between 0 and 3650")
                    @Max(value = 3650, message = "expiringWithinDays must be between 0 and 3650")
                    Integer expiringWithinDays) {
        var now = clock.instant();
        return tokens.list(caller.get(), expiringWithinDays).stream()
                .map(t -> PersonalAccessTokenView.of(t, now))
                .toList();
    }

    @RequiresScope(Scope.CREDENTIALS_READ)
    @GET
    @Path("{id}/sources")
    @Refuses({Refusal.NOT_FOUND})
    @Operation(
            operationId = "listTokenSources",
            summary = "Networks a personal access token was used from",
            description = "The client networks (IPv4 /24, IPv6 /48) it served requests from, the most "
                    + "recently seen first, with the first and last use and the requests: at "
                    + "most apiauth.sources.max-per-credential (100), the least "
                    + "recently seen leave first. A network not used in the "
                    + "last 30 days, after the credential's first day "
                    + "of use, is audited as "
                    + "credential.new_source. Figures lag by up to apiauth.usage.flush-interval (5 s).")
    public SourcesView sources(@PathParam("id") String id) {
        return SourcesView.of(id, tokens.sources(caller.get(), id));
    }

    @RequiresScope(Scope.CREDENTIALS_READ)
    @GET
    @Path("{id}/usage")
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "getTokenUsage",
            summary = "Usage of a personal access token",
            description = "Requests per UTC day, oldest first, today included, every day present: success "
                    + "(served), refused (the secret was right, the request refused) and "
                    + "failed (always 0: a PAT carries no id to count a wrong secret "
                    + "against). days=1..90, default 30. Figures lag by up to "
                    + "apiauth.usage.flush-interval (5 s).")
    public UsageView usage(
            @PathParam("id") String id,
            @QueryParam("days")
                    @DefaultValue("30")
                    @Min(value = 1, message = "days must be between 1 and 90")
                    @Max(value = 90, message = "days must be between 1 and 90")
                    int days) {
        return UsageView.of(id, tokens.usage(caller.get(), id, days));
    }

    /** Replaces the token's IP allowlist; every server applies it within a second. */
    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @PUT
    @Path("{id}/allowed-ips")
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "setTokenAllowedIps",
            summary = "Set a personal access token's IP allowlist",
            description = "Replaces the addresses and CIDR ranges (IPv4, IPv6; at most 64) the token may "
                    + "be used from; [] is anywhere. A request from elsewhere, once its "
                    + "secret is proven, is refused (403 \"Credential not allowed "
                    + "from this IP address\"). Its owner may set it; so may "
                    + "the company's owners and admins (the owner's "
                    + "tokens: only the owner). Applied by "
                    + "every server within a second; audited as allowed_ips_changed.")
    public PersonalAccessTokenView allowedIps(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid AllowedIpsRequest body) {
        return PersonalAccessTokenView.of(tokens.allowFrom(caller.get(), id, body.allowedIps()), clock.instant());
    }

    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Revoked for good")
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "revokeToken",
            summary = "Revoke a personal access token",
            description =
                    "Revokes the token for good. Its owner may revoke it; so may the company's owners and admins.")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(caller.get(), id);
        return Response.noContent().build();
    }

    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @POST
    @Path("{id}/deactivate")
    @APIResponse(responseCode = "204", description = "Deactivated (reversible)")
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "deactivateToken",
            summary = "Deactivate a personal access token",
            description = "Refuses the token until it is activated again.")
    public Response deactivate(@PathParam("id") String id) {
        tokens.deactivate(caller.get(), id);
        return Response.noContent().build();
    }

    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @POST
    @Path("{id}/activate")
    @APIResponse(responseCode = "204", description = "Active again")
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "activateToken",
            summary = "Activate a personal access token",
            description = "Lets a deactivated token work again.")
    public Response activate(@PathParam("id") String id) {
        tokens.activate(caller.get(), id);
        return Response.noContent().build();
    }

    /** Rotates the token the request is made with: a script can renew its own credential. */
    @NoScopeRequired
    @POST
    @Path("self/rotate")
    @APIResponse(
            responseCode = "201",
            description = "The successor of the calling token; the old one works until the grace period ends",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CreatedPersonalAccessTokenView.class)))
    @Refuses({Refusal.SCOPE_ESCALATION, Refusal.REPLACED_MINTS, Refusal.NOT_ROTATABLE, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "rotateCurrentToken",
            summary = "Rotate the calling token",
            description = "Creates the successor of the token this request is made with, so that a script "
                    + "can renew its own credential. The old token works until the grace period ends.")
    public Response rotateSelf(@Valid RotateRequest body) {
        var request = body == null ? new RotateRequest(null, null, null) : body;
        return created(tokens.rotateSelf(caller.get(), request.grace(), request.expiresInDays(), request.scopes()));
    }

    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @POST
    @Path("{id}/rotate")
    @APIResponse(
            responseCode = "201",
            description = "The successor; the old token works until the grace period ends",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CreatedPersonalAccessTokenView.class)))
    @Refuses({
        Refusal.NOT_FOUND,
        Refusal.SCOPE_ESCALATION,
        Refusal.REPLACED_MINTS,
        Refusal.NOT_ROTATABLE,
        Refusal.INVALID_INPUT
    })
    @Operation(
            operationId = "rotateToken",
            summary = "Rotate a personal access token",
            description = "Creates the successor of one of the acting user's tokens. The old token works "
                    + "until the grace period ends.")
    public Response rotate(@PathParam("id") String id, @Valid RotateRequest body) {
        var request = body == null ? new RotateRequest(null, null, null) : body;
        return created(tokens.rotate(caller.get(), id, request.grace(), request.expiresInDays(), request.scopes()));
    }

    private static Response created(PersonalAccessTokenService.NewToken token) {
        return Response.status(Response.Status.CREATED)
                .entity(CreatedPersonalAccessTokenView.of(token))
                .build();
    }
}
