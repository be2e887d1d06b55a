package com.meetergo.apiauth.security.contract;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;

/** The one error shape of the API: {@code {statusCode, message, error}}. */
@JsonbPropertyOrder({"statusCode", "message", "error"})
public record ApiError(int statusCode, String message, String error) {

    public static ApiError of(int status, String message) {
        var known = Response.Status.fromStatusCode(status);
        return new ApiError(status, message, known == null ? "Error" : known.getReasonPhrase());
    }
}
