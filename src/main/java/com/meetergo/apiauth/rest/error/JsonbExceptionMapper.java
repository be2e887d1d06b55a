package com.meetergo.apiauth.rest.error;

import com.meetergo.apiauth.security.BodyTooLargeException;
import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.contract.ErrorResponses;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON, or not of the endpoint's shape (e.g. an unknown role): the client's error. */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException e) {
        if (BodyTooLargeException.isCauseOf(e)) {
            return ErrorResponses.of(ContractError.BODY_TOO_LARGE);
        }
        return ErrorResponses.of(400, "The request body is not valid JSON of the expected shape");
    }
}
