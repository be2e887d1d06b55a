package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.application.CredentialActions;
import com.meetergo.apiauth.application.MeetingService;
import com.meetergo.apiauth.application.UserService;
import com.meetergo.apiauth.security.contract.ScopeRefusals;

/**
 * The refusals of the application rather than of authentication (a {@code DomainException} or a filter of this layer,
 * in the contract's error shape), as a resource method declares them with {@link Refuses}. {@code text} is the message
 * itself where it is one sentence (the same constant the service throws with), else what the answer means.
 */
public enum Refusal {
    /** An id that is not the caller's company's is not found either: no existence oracle. */
    NOT_FOUND(404, "Not found in the caller's company (another company's ids too)"),
    INVALID_INPUT(400, "Invalid request body or parameters; the validation messages joined by \"; \""),
    NOT_ROTATABLE(409, CredentialActions.NOT_ROTATABLE),
    DUPLICATE_EMAIL(409, UserService.DUPLICATE_EMAIL),
    DUPLICATE_SLUG(409, MeetingService.DUPLICATE_SLUG),
    /** Where a narrow credential could try to mint a broader one: an example of the operation's 403. */
    SCOPE_ESCALATION(403, ScopeRefusals.ESCALATION),
    /** Where a credential already replaced could try to mint: an example of the operation's 403. */
    REPLACED_MINTS(403, CredentialActions.REPLACED_MINTS),
    PROVISIONING_SECRET_INVALID(401, "Invalid provisioning secret"),
    PROVISIONING_OFF(404, "Not Found: no provisioning secret is configured"),
    PROVISIONING_COMPANY_OR_OFF(404, "Company not found, or no provisioning secret is configured"),
    PROVISIONING_THROTTLED(429, "Too many failed attempts; retry later (with Retry-After)");

    private final int status;
    private final String text;

    Refusal(int status, String text) {
        this.status = status;
        this.text = text;
    }

    public int status() {
        return status;
    }

    public String text() {
        return text;
    }
}
