package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.application.MeetingService;
import com.meetergo.apiauth.domain.model.credential.Scope;
import com.meetergo.apiauth.rest.dto.AppointmentRequest;
import com.meetergo.apiauth.rest.dto.AppointmentView;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Appointments: members see their own, owners and admins the whole company's. */
@Tag(
        name = "Appointments",
        description = "Appointments: members see and book their own, owners and admins the whole company's.")
@Path("v4/appointment")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppointmentResource {

    @Inject
    CurrentCaller caller;

    @Inject
    MeetingService meetings;

    @RequiresScope(Scope.APPOINTMENTS_READ)
    @GET
    @Operation(
            operationId = "listAppointments",
            summary = "List appointments",
            description =
                    "A member's own appointments; owners and admins see the company's, or one user's with userId.")
    public List<AppointmentView> list(@QueryParam("userId") String userId) {
        return meetings.appointments(caller.get(), userId).stream()
                .map(AppointmentView::of)
                .toList();
    }

    @RequiresScope(Scope.APPOINTMENTS_WRITE)
    @POST
    @APIResponse(
            responseCode = "201",
            description = "Booked",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = AppointmentView.class)))
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "bookAppointment",
            summary = "Book an appointment",
            description = "Books one of the acting user's meeting types.")
    public Response book(@NotNull(message = "a JSON body is required") @Valid AppointmentRequest body) {
        var appointment = meetings.book(caller.get(), body.meetingTypeId(), body.start(), body.guestEmail());
        return Response.status(Response.Status.CREATED)
                .entity(AppointmentView.of(appointment))
                .build();
    }
}
