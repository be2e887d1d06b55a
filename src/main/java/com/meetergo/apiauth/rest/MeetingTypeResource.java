package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.application.MeetingService;
import com.meetergo.apiauth.domain.model.credential.Scope;
import com.meetergo.apiauth.rest.dto.MeetingTypeRequest;
import com.meetergo.apiauth.rest.dto.MeetingTypeView;
import com.meetergo.apiauth.security.CurrentCaller;
import com.meetergo.apiauth.security.RequiresScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The acting user's own meeting types. */
@Tag(name = "Meeting types", description = "The acting user's own meeting types.")
@Path("v4/meeting-type")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeetingTypeResource {

    @Inject
    CurrentCaller caller;

    @Inject
    MeetingService meetings;

    @RequiresScope(Scope.MEETING_TYPES_READ)
    @GET
    @Operation(
            operationId = "listMeetingTypes",
            summary = "List meeting types",
            description = "The acting user's own meeting types.")
    public List<MeetingTypeView> list() {
        return meetings.types(caller.get()).stream().map(MeetingTypeView::of).toList();
    }

    @RequiresScope(Scope.MEETING_TYPES_WRITE)
    @POST
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = MeetingTypeView.class)))
    @Refuses({Refusal.DUPLICATE_SLUG, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "createMeetingType",
            summary = "Create a meeting type",
            description = "Creates a meeting type of the acting user.")
    public Response create(@NotNull(message = "a JSON body is required") @Valid MeetingTypeRequest body) {
        var type = meetings.createType(caller.get(), body.name(), body.durationMinutes(), body.slug());
        return Response.status(Response.Status.CREATED)
                .entity(MeetingTypeView.of(type))
                .build();
    }
}
