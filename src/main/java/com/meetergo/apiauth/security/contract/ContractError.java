package com.meetergo.apiauth.security.contract;

import com.meetergo.apiauth.domain.model.company.Plan;
import com.meetergo.apiauth.domain.model.credential.CredentialType;

/**
 * The authentication errors of the contract (docs/contract.md, "Error responses"), word for word, plus the few it
 * leaves to us (marked). Clients match on these texts: never reword one of the contract's.
 */
public enum ContractError {
    MISSING_AUTHORIZATION(401, "Missing authorization header"),
    INVALID_CREDENTIAL(401, "Invalid API key"),
    EXPIRED_CREDENTIAL(401, "API key has expired"),
    PAT_WITH_USER_HEADER(
            403,
            "The 'x-meetergo-api-user-id' header requires a Platform API Key. Personal Access"
                    + " Tokens always act as the token owner and cannot act on behalf of other users."),
    MISSING_USER_HEADER(400, "Missing required header 'x-meetergo-api-user-id' for API key authentication"),
    USER_NOT_IN_COMPANY(500, "API user does not belong to company"),
    /** Ours: a deactivated credential (reversible, unlike a revoked one, which is "Invalid API key"). */
    DEACTIVATED_CREDENTIAL(401, "API key has been deactivated"),
    /** Ours: the contract says the header carries a UUID but not what happens when it does not. */
    MALFORMED_USER_HEADER(400, "Header 'x-meetergo-api-user-id' must be a user id (UUID)"),
    /** Ours: too many failed attempts for this key id or from this address (sent with Retry-After). */
    TOO_MANY_FAILED_ATTEMPTS(429, "Too many failed attempts; retry later"),
    /** Ours: a header over apiauth.request.max-header-bytes. */
    HEADER_TOO_LARGE(431, "Request header too large"),
    /** Ours: a body declared over apiauth.request.max-body-bytes. */
    BODY_TOO_LARGE(413, "Request body too large"),
    /** Ours: a chunked body whose framing is broken (a chunk longer than its size line, a size not in hex). */
    MALFORMED_BODY_FRAMING(400, "Malformed request body framing"),
    /** Ours: with TLS on, the API and the pages refuse plain HTTP before reading a credential. */
    HTTPS_REQUIRED(403, "HTTPS required"),
    /** Ours: a fault (the database is unreachable) is never reported as a bad credential. */
    UNAVAILABLE(503, "Service temporarily unavailable; retry later"),
    /** Ours: the company's plan does not include PATs (the contract's "Plan" column); after the secret is proven. */
    PAT_NOT_IN_PLAN(403, Plan.exclusionMessage(CredentialType.PERSONAL_ACCESS_TOKEN)),
    /** Ours: the company's plan does not include API keys; after the secret is proven. */
    API_KEY_NOT_IN_PLAN(403, Plan.exclusionMessage(CredentialType.API_KEY)),
    /** Ours: the credential's IP allowlist does not hold the client address; after the secret is proven. */
    IP_NOT_ALLOWED(403, "Credential not allowed from this IP address"),
    /** Ours: the role of the acting user (or the credential type) does not allow the endpoint. */
    FORBIDDEN(403, "Forbidden resource");

    private final int status;
    private final String message;

    ContractError(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return ApiError.of(status, message);
    }
}
