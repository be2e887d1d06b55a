package com.meetergo.apiauth.security.contract;

import com.meetergo.apiauth.domain.model.credential.Scope;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The answers of the scope rules, worded once: the server and the OpenAPI document both use these. */
public final class ScopeRefusals {

    /** Minting or rotating into a credential that could do more than the one making the request. */
    public static final String ESCALATION = "A credential cannot grant scopes it does not hold";

    private ScopeRefusals() {}

    public static ApiError insufficientScope(Scope required) {
        return ApiError.of(403, "Insufficient scope: this endpoint requires '" + required.apiName() + "'");
    }

    /** RFC 6750 §3.1: the error code and the scope that would have been enough. */
    public static String challenge(Scope required) {
        return "Bearer error=\"insufficient_scope\", scope=\"" + required.apiName() + "\"";
    }

    public static Response response(Scope required) {
        return Response.status(403)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(insufficientScope(required))
                .header("WWW-Authenticate", challenge(required))
                .build();
    }
}
