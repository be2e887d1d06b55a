package com.meetergo.apiauth.rest.error;

import com.meetergo.apiauth.security.BodyTooLargeException;
import com.meetergo.apiauth.security.UsageCountingFilter;
import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.contract.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own refusals (no such path, wrong method, role check) in the API's shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException e) {
        if (BodyTooLargeException.isCauseOf(e)) {
            return ErrorResponses.of(ContractError.BODY_TOO_LARGE);
        }
        if (e instanceof ForbiddenException) {
            // the role check: a refusal after authentication, counted as such in the usage figures
            UsageCountingFilter.markRefused(request);
            return ErrorResponses.of(ContractError.FORBIDDEN);
        }
        int status = e.getResponse().getStatus();
        var reason = Response.Status.fromStatusCode(status);
        return ErrorResponses.of(status, reason == null ? "Request failed" : reason.getReasonPhrase());
    }
}
