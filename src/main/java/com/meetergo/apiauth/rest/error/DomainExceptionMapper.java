package com.meetergo.apiauth.rest.error;

import com.meetergo.apiauth.domain.shared.DomainException;
import com.meetergo.apiauth.security.contract.ErrorResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        };
        return ErrorResponses.of(status, e.getMessage());
    }
}
