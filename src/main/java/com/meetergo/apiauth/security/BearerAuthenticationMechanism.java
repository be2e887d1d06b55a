package com.meetergo.apiauth.security;

import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.contract.ErrorResponses;
import com.meetergo.apiauth.security.credential.ApiKeyCredential;
import com.meetergo.apiauth.security.credential.BearerCredentials;
import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.security.credential.UserHeader;
import com.meetergo.apiauth.security.gateway.ForwardedRequest;
import com.meetergo.apiauth.security.gateway.GatewayRoutes;
import com.meetergo.apiauth.security.introspection.OAuthErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.StringJoiner;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where every request of the v4 API is authenticated. Reads {@code Authorization: Bearer …}, lets the identity stores
 * validate it, and answers failures with the contract's JSON. A gateway's check ({@code /gateway/check}, for the
 * platform's other services) takes the same steps, for the client's request that the gateway forwards. Stateless: no
 * session, no cookie (no {@code @AutoApplySession}); every request proves itself again.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BearerAuthenticationMechanism.class.getName());

    @Inject
    ClientAddress clientAddress;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Event<CredentialUsed> used;

    @Inject
    FailedAttemptThrottle throttle;

    @Inject
    RequestLimits limits;

    @Inject
    TransportSecurity transport;

    @Inject
    AuthenticationMetrics metrics;

    @Inject
    GatewayRoutes gatewayRoutes;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        CurrentCaller.clear();
        // Every request, protected or not, before anything reads it.
        transport.mark(request, response);
        if (transport.refuses(request)) {
            return refuse(request, response, ContractError.HTTPS_REQUIRED);
        }
        if (limits.headersTooLarge(request)) {
            return refuse(request, response, ContractError.HEADER_TOO_LARGE);
        }
        if (limits.bodyTooLarge(request)) {
            return refuse(request, response, ContractError.BODY_TOO_LARGE);
        }
        if (context.isProtected()) {
            return authenticate(request, response, context, true);
        }
        if (gatewayRoutes.needsCredential(request)) {
            // A gateway's check (unprotected in web.xml, so that an open route needs no credential):
            // the same steps, but a refusal must complete the response, or Liberty would serve the
            // check after SEND_FAILURE and allow the request. An accepted caller is not logged into
            // the container: the check answers about another request, and nothing on this one reads
            // the container's principal (docs/decisions.md: the check logs nobody in).
            var status = authenticate(request, response, context, false);
            return status == AuthenticationStatus.SEND_FAILURE ? AuthenticationStatus.SEND_CONTINUE : status;
        }
        var authorization = request.getHeader("Authorization");
        if (BasicHeaders.unreadable(authorization)) {
            // Liberty would answer this unauthenticated request with an HTML 500 (BasicHeaders): ours instead
            if (OAuthErrors.isIntrospection(request)) {
                try {
                    OAuthErrors.writeInvalidClient(response);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return AuthenticationStatus.SEND_CONTINUE;
            }
            // what a protected path answers any header that is not a Bearer credential
            return refuse(request, response, ContractError.MISSING_AUTHORIZATION);
        }
        return context.doNothing();
    }

    /**
     * The steps of a request that needs a credential, after transport and size. A proven caller is
     * {@link CurrentCaller}'s, and logged into the container when {@code logIn}.
     */
    private AuthenticationStatus authenticate(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context, boolean logIn) {
        long started = System.nanoTime();
        var headers = request.getHeaders("Authorization");
        var authorization = headers.hasMoreElements() ? headers.nextElement() : null;
        if (headers.hasMoreElements()) {
            // Two credentials: proxies and servers may disagree on which one counts. Accept neither.
            record(request, null, AuthenticationOutcome.INVALID, started);
            return reject(request, response, ContractError.INVALID_CREDENTIAL);
        }
        var credential = BearerCredentials.from(authorization, userHeader(request), clientAddress.of(request));
        if (credential.isEmpty()) {
            record(request, null, AuthenticationOutcome.MISSING, started);
            return reject(request, response, ContractError.MISSING_AUTHORIZATION);
        }
        var type = typeOf(credential.get());
        var throttled = throttle.throttled(clientAddress.of(request));
        if (throttled.isPresent()) {
            record(request, type, AuthenticationOutcome.THROTTLED, started);
            return reject(request, response, ContractError.TOO_MANY_FAILED_ATTEMPTS, throttled.getAsLong());
        }
        CredentialValidationResult result;
        try {
            result = identityStores.validate(credential.get());
        } catch (RuntimeException e) {
            var error = reasonFor(e);
            record(request, type, outcomeOf(e, error), started);
            return reject(request, response, error);
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            var wait = throttle.failed(keyIdOf(credential.get()), clientAddress.of(request));
            if (wait.isPresent()) {
                record(request, type, AuthenticationOutcome.THROTTLED, started);
                return reject(request, response, ContractError.TOO_MANY_FAILED_ATTEMPTS, wait.getAsLong());
            }
            record(request, type, AuthenticationOutcome.INVALID, started);
            return reject(request, response, ContractError.INVALID_CREDENTIAL);
        }
        var caller = ((ApiCallerPrincipal) result.getCallerPrincipal()).caller();
        // A valid credential whose user header cannot be honoured is answered by UserContextFilter;
        // the authentication step's outcome is that header's problem.
        record(
                request,
                type,
                caller.rejection() == null
                        ? AuthenticationOutcome.SUCCESS
                        : AuthenticationOutcome.of(caller.rejection()),
                started);
        CurrentCaller.set(caller);
        used.fire(new CredentialUsed(caller, clientAddress.of(request)));
        return logIn
                ? ContainerLogin.notify(context, result.getCallerPrincipal().getName(), result.getCallerGroups())
                : context.doNothing();
    }

    /**
     * The step's outcome, counted; and, with this class's trace on (FINE), one line per request: method, path (never
     * the query string), credential type and outcome. Never a secret: an operator can follow a client's failures
     * without seeing what it sent.
     */
    private void record(HttpServletRequest request, CredentialType type, AuthenticationOutcome outcome, long started) {
        metrics.record(type, outcome, started);
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(request.getMethod() + " " + request.getRequestURI() + ": "
                    + (type == null ? "no credential" : type) + " " + outcome);
        }
    }

    /** The response is complete: this thread's next request starts without a caller. */
    @Override
    public AuthenticationStatus secureResponse(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        CurrentCaller.clear();
        return AuthenticationStatus.SUCCESS;
    }

    /** A store's stated reason; a database fault is 503, never "invalid"; anything else propagates. */
    private static ContractError reasonFor(RuntimeException thrown) {
        var cause = Causes.first(thrown, t -> t instanceof CredentialRejectedException || Causes.isDatabaseError(t))
                .orElseThrow(() -> thrown);
        return cause instanceof CredentialRejectedException rejected ? rejected.error() : ContractError.UNAVAILABLE;
    }

    private static AuthenticationOutcome outcomeOf(RuntimeException thrown, ContractError error) {
        return Causes.find(thrown, CredentialRejectedException.class)
                .map(CredentialRejectedException::outcome)
                .orElseGet(() -> AuthenticationOutcome.of(error));
    }

    private static CredentialType typeOf(Credential credential) {
        return credential instanceof ApiKeyCredential ? CredentialType.API_KEY : CredentialType.PERSONAL_ACCESS_TOKEN;
    }

    /** Several user headers are joined with commas, as HTTP combines them: never a single user id. */
    private static String userHeader(HttpServletRequest request) {
        var values = request.getHeaders(UserHeader.NAME);
        if (!values.hasMoreElements()) {
            return null;
        }
        var first = values.nextElement();
        if (!values.hasMoreElements()) {
            return first;
        }
        var joined = new StringJoiner(",").add(first);
        values.asIterator().forEachRemaining(joined::add);
        return joined.toString();
    }

    /**
     * An answer that must also stop unprotected requests: Liberty lets an unprotected request through after
     * SEND_FAILURE, but not after SEND_CONTINUE ("the response is complete").
     */
    private static AuthenticationStatus refuse(
            HttpServletRequest request, HttpServletResponse response, ContractError error) {
        reject(request, response, error, 0);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static String keyIdOf(Credential credential) {
        return credential instanceof ApiKeyCredential key
                ? TokenFormat.apiKeyId(key.key()).orElse(null)
                : null;
    }

    private static AuthenticationStatus reject(
            HttpServletRequest request, HttpServletResponse response, ContractError error) {
        return reject(request, response, error, 0);
    }

    private static AuthenticationStatus reject(
            HttpServletRequest request, HttpServletResponse response, ContractError error, long retryAfter) {
        try {
            if (ForwardedRequest.isCheck(request)) {
                ErrorResponses.writeForGateway(response, error, retryAfter);
            } else {
                ErrorResponses.write(response, error, retryAfter);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
