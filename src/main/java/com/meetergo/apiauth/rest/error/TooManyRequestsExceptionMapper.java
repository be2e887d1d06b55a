package com.meetergo.apiauth.rest.error;

import com.meetergo.apiauth.application.TooManyRequestsException;
import com.meetergo.apiauth.security.contract.ErrorResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class TooManyRequestsExceptionMapper implements ExceptionMapper<TooManyRequestsException> {

    @Override
    public Response toResponse(TooManyRequestsException e) {
        var seconds = e.retryAfterSeconds();
        return Response.fromResponse(ErrorResponses.of(429, "Too many requests; retry after " + seconds + " seconds"))
                .header("Retry-After", seconds)
                .build();
    }
}
