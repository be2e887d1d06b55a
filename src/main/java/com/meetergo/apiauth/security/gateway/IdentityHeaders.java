package com.meetergo.apiauth.security.gateway;

import com.meetergo.apiauth.security.Caller;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * What an allowed check tells the gateway to pass upstream: who the request acts as. A gateway copies these from the
 * check's answer onto the upstream request, and must remove any a client sent itself (every configuration in
 * {@code gateway/} does). A header that does not apply is absent: no credential on an open route, no expiry for a
 * credential that never expires.
 */
public final class IdentityHeaders {

    public static final String USER_ID = "X-Api-Auth-User-Id";
    public static final String COMPANY_ID = "X-Api-Auth-Company-Id";
    public static final String ROLE = "X-Api-Auth-Role";
    public static final String CREDENTIAL_TYPE = "X-Api-Auth-Credential-Type";
    public static final String CREDENTIAL_ID = "X-Api-Auth-Credential-Id";
    /** Space-separated, as OAuth writes scopes. */
    public static final String SCOPES = "X-Api-Auth-Scopes";
    /** ISO 8601, UTC: when the credential stops working (its expiry, or the end of its grace). */
    public static final String EXPIRES_AT = "X-Api-Auth-Expires-At";

    /** Every identity header, for gateways to clear from a client's request. */
    public static final List<String> ALL =
            List.of(USER_ID, COMPANY_ID, ROLE, CREDENTIAL_TYPE, CREDENTIAL_ID, SCOPES, EXPIRES_AT);

    private IdentityHeaders() {}

    public static Response.ResponseBuilder of(Caller caller) {
        var answer = Response.ok()
                .header(USER_ID, caller.userId())
                .header(COMPANY_ID, caller.companyId())
                .header(ROLE, caller.role().name())
                .header(CREDENTIAL_TYPE, caller.credentialType().name())
                .header(CREDENTIAL_ID, caller.credentialId())
                .header(SCOPES, String.join(" ", caller.scopes().names()));
        if (caller.endsAt() != null) {
            answer.header(EXPIRES_AT, caller.endsAt().toString());
        }
        return answer;
    }
}
