package com.meetergo.apiauth.security.introspection;

import com.meetergo.apiauth.security.ApiCallerPrincipal;
import com.meetergo.apiauth.security.Caller;
import com.meetergo.apiauth.security.Causes;
import com.meetergo.apiauth.security.CredentialRejectedException;
import com.meetergo.apiauth.security.credential.BearerCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.Optional;

/**
 * Whether a token is active (RFC 7662), judged by the same identity stores as a request: format, digest, status,
 * expiry, grace and plan. What introspection cannot see is judged closed: there is no client address, so a credential
 * with an IP allowlist is not active here (its fence can only be checked on a request, by the gateway or the WAR), and
 * there is no user header, so a key is judged as the company's, acting as nobody in particular.
 */
@ApplicationScoped
public class TokenIntrospection {

    /** A fault (the database unreachable): never reported as an inactive token. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) {
            super("the credential could not be read", cause, false, false);
        }
    }

    @Inject
    IdentityStoreHandler stores;

    /** The caller the token would be, when active; empty for anything else. */
    public Optional<Caller> active(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        var credential = BearerCredentials.from("Bearer " + token, null, null);
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        CredentialValidationResult result;
        try {
            result = stores.validate(credential.get());
        } catch (RuntimeException e) {
            var cause = Causes.first(e, t -> t instanceof CredentialRejectedException || Causes.isDatabaseError(t))
                    .orElseThrow(() -> e);
            if (cause instanceof CredentialRejectedException) {
                return Optional.empty();
            }
            throw new Unavailable(e);
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !(result.getCallerPrincipal() instanceof ApiCallerPrincipal principal)
                || principal.caller().rejection() != null) {
            return Optional.empty();
        }
        return Optional.of(principal.caller());
    }
}
