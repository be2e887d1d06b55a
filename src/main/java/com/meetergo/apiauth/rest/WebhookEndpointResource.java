package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.application.WebhookService;
import com.meetergo.apiauth.domain.model.credential.Scope;
import com.meetergo.apiauth.rest.dto.CreateWebhookEndpointRequest;
import com.meetergo.apiauth.rest.dto.WebhookDeliveriesView;
import com.meetergo.apiauth.rest.dto.WebhookEndpointView;
import com.meetergo.apiauth.security.CurrentCaller;
import com.meetergo.apiauth.security.RequiresScope;
import com.meetergo.apiauth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/** The company's webhook endpoints: owners and admins register, list, test and delete them (docs/webhooks.md). */
@Tag(
        name = "Webhooks",
        description = "Endpoints that receive the company's credential events, signed by Standard Webhooks 1.0.")
@Path("v4/webhook-endpoint")
@ApplicationScoped
@RolesAllowed({Roles.OWNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookEndpointResource {

    @Inject
    CurrentCaller caller;

    @Inject
    WebhookService webhooks;

    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @POST
    @APIResponse(
            responseCode = "201",
            description = "Registered; the signing secret is in this answer only",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = WebhookEndpointView.WithSecret.class)))
    @Refuses({Refusal.INVALID_INPUT})
    @Operation(
            operationId = "createWebhookEndpoint",
            summary = "Register a webhook endpoint",
            description = "An https URL whose host resolves to public addresses only (checked again on "
                    + "every delivery), and the events to send to it. At most 20 per company. "
                    + "The signing secret (whsec_…) is in this answer only.")
    public Response create(@NotNull(message = "a JSON body is required") CreateWebhookEndpointRequest body) {
        var created = webhooks.create(caller.get(), body.url(), body.events());
        return Response.status(Response.Status.CREATED)
                .entity(WebhookEndpointView.WithSecret.of(created))
                .build();
    }

    @RequiresScope(Scope.CREDENTIALS_READ)
    @GET
    @Operation(
            operationId = "listWebhookEndpoints",
            summary = "List the company's webhook endpoints",
            description = "Every endpoint with its events and state (failing since, disabled at), never its secret.")
    public List<WebhookEndpointView> list() {
        return webhooks.list(caller.get()).stream().map(WebhookEndpointView::of).toList();
    }

    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted, with the deliveries still waiting for it")
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "deleteWebhookEndpoint",
            summary = "Delete a webhook endpoint",
            description = "Deletes the endpoint and the deliveries still waiting for it.")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(caller.get(), id);
        return Response.noContent().build();
    }

    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @POST
    @Path("{id}/enable")
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "enableWebhookEndpoint",
            summary = "Enable a disabled webhook endpoint",
            description = "An endpoint that failed for 3 days is disabled and its events wait; enabling "
                    + "it sends them at once (those older than 3 days have failed). An "
                    + "enabled endpoint is answered as it is.")
    public WebhookEndpointView enable(@PathParam("id") String id) {
        return WebhookEndpointView.of(webhooks.enable(caller.get(), id));
    }

    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @POST
    @Path("{id}/rotate-secret")
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "rotateWebhookEndpointSecret",
            summary = "Rotate a webhook endpoint's signing secret",
            description = "A new secret, in this answer only; for 24 hours every delivery is signed by "
                    + "both the new and the previous one (two signatures in "
                    + "webhook-signature), so that receivers can switch without losing one.")
    public WebhookEndpointView.WithSecret rotateSecret(@PathParam("id") String id) {
        return WebhookEndpointView.WithSecret.of(webhooks.rotateSecret(caller.get(), id));
    }

    @RequiresScope(Scope.CREDENTIALS_WRITE)
    @POST
    @Path("{id}/test")
    @APIResponse(
            responseCode = "202",
            description = "Queued: sent within a second or two, retried like every event",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = WebhookEndpointView.Queued.class)))
    @Refuses({Refusal.NOT_FOUND, Refusal.INVALID_INPUT})
    @Operation(
            operationId = "sendWebhookTest",
            summary = "Send a test event",
            description = "Queues a webhook.test event to the endpoint; answers its webhook-id.")
    public Response test(@PathParam("id") String id) {
        var messageId = webhooks.test(caller.get(), id);
        return Response.accepted(new WebhookEndpointView.Queued(messageId)).build();
    }

    @RequiresScope(Scope.CREDENTIALS_READ)
    @GET
    @Path("{id}/deliveries")
    @Refuses({Refusal.NOT_FOUND})
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "A webhook endpoint's delivery attempts",
            description = "Every attempt, newest first: the event, its webhook-id, when, the status code, "
                    + "how long it took and what went wrong. limit=1..500, default 100.")
    public WebhookDeliveriesView deliveries(
            @PathParam("id") String id,
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(value = 1, message = "limit must be between 1 and 500")
                    @Max(value = 500, message = "limit must be between 1 and 500")
                    int limit) {
        return WebhookDeliveriesView.of(id, webhooks.attempts(caller.get(), id, limit));
    }
}
