package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.application.AuditQueries;
import com.meetergo.apiauth.domain.model.credential.Scope;
import com.meetergo.apiauth.rest.dto.AuditEventView;
import com.meetergo.apiauth.security.CurrentCaller;
import com.meetergo.apiauth.security.RequiresScope;
import com.meetergo.apiauth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The company's audit trail, for owners and admins: newest first, paged, filtered. */
@Tag(name = "Audit", description = "The company's audit trail of credential events, for owners and admins.")
@Path("v4/audit-event")
@ApplicationScoped
@RolesAllowed({Roles.OWNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventResource {

    @Inject
    CurrentCaller caller;

    @Inject
    AuditQueries audit;

    @RequiresScope(Scope.AUDIT_READ)
    @GET
    @Operation(
            operationId = "listAuditEvents",
            summary = "List audit events",
            description = "The company's credential events, newest first, filtered by credential, type "
                    + "and time, paged (pageSize up to 200). No event holds a secret.")
    public List<AuditEventView> list(
            @QueryParam("credentialId") String credentialId,
            @QueryParam("type") String type,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page")
                    @DefaultValue("0")
                    @Min(value = 0, message = "page must be between 0 and 1000000")
                    @Max(value = 1_000_000, message = "page must be between 0 and 1000000")
                    int page,
            @QueryParam("pageSize")
                    @DefaultValue("50")
                    @Min(value = 1, message = "pageSize must be between 1 and 200")
                    @Max(value = 200, message = "pageSize must be between 1 and 200")
                    int pageSize) {
        return audit.page(caller.get(), credentialId, type, from, to, page, pageSize).stream()
                .map(AuditEventView::of)
                .toList();
    }
}
