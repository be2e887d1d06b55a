package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.application.UserService;
import com.meetergo.apiauth.domain.model.credential.Scope;
import com.meetergo.apiauth.rest.dto.CreateUserRequest;
import com.meetergo.apiauth.rest.dto.CreatedUserView;
import com.meetergo.apiauth.rest.dto.UpdateUserRequest;
import com.meetergo.apiauth.rest.dto.UserView;
import com.meetergo.apiauth.security.CurrentCaller;
import com.meetergo.apiauth.security.NoScopeRequired;
import com.meetergo.apiauth.security.OwnerContextAllowed;
import com.meetergo.apiauth.security.RequiresScope;
import com.meetergo.apiauth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Users", description = "Who am I, and the users of the company.")
@Path("v4/user")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    CurrentCaller caller;

    @Inject
    UserService users;

    @NoScopeRequired
    @GET
    @Path("me")
    @OwnerContextAllowed
    @Operation(
            operationId = "getCurrentUser",
            summary = "Who am I",
            description = "The user the request acts as: the token's owner for a PAT, the named user for "
                    + "an API key, or the company owner for an API key without x-meetergo-api-user-id.")
    public UserView me() {
        return UserView.of(users.me(caller.get()));
    }

    @RequiresScope(Scope.USERS_READ)
    @GET
    @RolesAllowed({Roles.OWNER, Roles.ADMIN})
    @Operation(
            operationId = "listUsers",
            summary = "List users",
            description = "Every user of the company, for owners and admins.")
    public List<UserView> list() {
        return users.list(caller.get()).stream().map(UserView::of).toList();
    }

    @RequiresScope(Scope.USERS_WRITE)
    @POST
    @OwnerContextAllowed
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = CreatedUserView.class)))
    @RolesAllowed(Roles.USER_MANAGER)
    @Refuses({Refusal.DUPLICATE_EMAIL, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "createUser",
            summary = "Create a user",
            description = "Adds an ADMIN or MEMBER to the company. API keys only (acting as an owner or "
                    + "admin; without x-meetergo-api-user-id as the owner), never a PAT.")
    public Response create(@NotNull(message = "a JSON body is required") @Valid CreateUserRequest body) {
        var user = users.create(caller.get(), body.email(), body.givenName(), body.familyName(), body.role());
        return Response.status(Response.Status.CREATED)
                .entity(CreatedUserView.of(user))
                .build();
    }

    @RequiresScope(Scope.USERS_WRITE)
    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.USER_MANAGER)
    @Refuses({Refusal.NOT_FOUND, Refusal.DUPLICATE_EMAIL, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "updateUser",
            summary = "Update a user",
            description = "Changes a user's name, email or role. API keys only, acting as an owner or admin.")
    public UserView update(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid UpdateUserRequest body) {
        return UserView.of(
                users.update(caller.get(), id, body.email(), body.givenName(), body.familyName(), body.role()));
    }

    @RequiresScope(Scope.USERS_WRITE)
    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted; its credentials stop working at once")
    @RolesAllowed(Roles.USER_MANAGER)
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "deleteUser",
            summary = "Delete a user",
            description = "Deletes a user of the company; its credentials stop working at once. API keys "
                    + "only, acting as an owner or admin.")
    public Response delete(@PathParam("id") String id) {
        users.delete(caller.get(), id);
        return Response.noContent().build();
    }
}
