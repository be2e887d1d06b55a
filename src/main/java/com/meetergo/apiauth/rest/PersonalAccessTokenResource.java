package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.application.PersonalAccessTokenService;
import com.meetergo.apiauth.rest.dto.CreatePersonalAccessTokenRequest;
import com.meetergo.apiauth.rest.dto.CreatedPersonalAccessTokenView;
import com.meetergo.apiauth.rest.dto.PersonalAccessTokenView;
import com.meetergo.apiauth.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;

/** The acting user's own Personal Access Tokens. */
@Path("v4/personal-access-token")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PersonalAccessTokenResource {

    @Inject
    Caller caller;

    @Inject
    PersonalAccessTokenService tokens;

    @Inject
    Clock clock;

    @POST
    public Response create(
            @NotNull(message = "a JSON body is required") @Valid CreatePersonalAccessTokenRequest body) {
        var created = tokens.create(caller, body.name(), body.expiresAt());
        return Response.status(Response.Status.CREATED).entity(CreatedPersonalAccessTokenView.of(created)).build();
    }

    @GET
    public List<PersonalAccessTokenView> list() {
        var now = clock.instant();
        return tokens.list(caller).stream().map(t -> PersonalAccessTokenView.of(t, now)).toList();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(caller, id);
        return Response.noContent().build();
    }
}
