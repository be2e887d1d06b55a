package com.meetergo.apiauth.rest;

import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.security.Caller;
import com.meetergo.apiauth.security.ClientAddress;
import com.meetergo.apiauth.security.contract.ErrorResponses;
import com.meetergo.apiauth.security.introspection.IntrospectionClient;
import com.meetergo.apiauth.security.introspection.OAuthErrors;
import com.meetergo.apiauth.security.introspection.TokenIntrospection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * OAuth 2.0 Token Introspection (RFC 7662) for services that receive a credential themselves and ask whether it is
 * active (docs/gateway.md#token-introspection). The caller is the one OAuth client the operator configured, with HTTP
 * Basic; unconfigured, the endpoint answers as a path that does not exist. Anything but an active token is exactly
 * {@code {"active":false}}: unknown, malformed, expired, revoked, deactivated, out of grace, excluded by the plan,
 * fenced by an IP allowlist. The token is never logged, and the answer is never cached ({@code Cache-Control:
 * no-store}).
 */
@Tag(name = "Introspection", description = "OAuth 2.0 Token Introspection (RFC 7662) for the platform's services.")
@Path("oauth2/introspect")
@ApplicationScoped
public class IntrospectionResource {

    @Inject
    IntrospectionClient client;

    @Inject
    TokenIntrospection introspection;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    @POST
    @Refuses({Refusal.INVALID_INPUT})
    @Operation(
            operationId = "introspectToken",
            summary = "Introspect a token (RFC 7662)",
            description = "Form parameters token and (ignored) token_type_hint; the caller authenticates with HTTP"
                    + " Basic as the configured introspection client. 200 with active, scope, token_type, exp, iat,"
                    + " sub, client_id, company_id and credential_type for an active PAT or API key; exactly"
                    + " {\"active\":false} for anything else.")
    public Response introspect(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            String body) {
        var check = client.check(authorization, clientAddress.of(request));
        switch (check.verdict()) {
            case DISABLED:
                return ErrorResponses.of(404, "Not Found");
            case REFUSED:
                return oauthError(401, "invalid_client")
                        .header(HttpHeaders.WWW_AUTHENTICATE, OAuthErrors.BASIC_CHALLENGE)
                        .build();
            case THROTTLED:
            case RATE_LIMITED:
                return oauthError(429, "slow_down")
                        .header("Retry-After", check.retryAfterSeconds())
                        .build();
            case ACCEPTED:
            default:
                break;
        }
        var form = form(contentType, body);
        if (form == null || !form.containsKey("token")) {
            return oauthError(400, "invalid_request").build();
        }
        try {
            return introspection
                    .active(form.get("token"))
                    .map(IntrospectionResource::active)
                    .orElseGet(IntrospectionResource::inactive);
        } catch (TokenIntrospection.Unavailable e) {
            return oauthError(503, "temporarily_unavailable").build();
        }
    }

    /** RFC 7662 §2.1: POST. Unconfigured, a GET learns nothing more than a POST. */
    @GET
    @Operation(
            operationId = "introspectTokenWithGet",
            summary = "Not allowed: introspection is a POST",
            description = "405 with Allow: POST; 404 while no introspection client is configured.")
    public Response get() {
        if (!client.enabled()) {
            return ErrorResponses.of(404, "Not Found");
        }
        return Response.fromResponse(ErrorResponses.of(405, "Method Not Allowed"))
                .header(HttpHeaders.ALLOW, "POST")
                .build();
    }

    private static Response active(Caller caller) {
        var answer = Json.createObjectBuilder()
                .add("active", true)
                .add("scope", String.join(" ", caller.scopes().names()))
                .add("client_id", caller.credentialId())
                .add("token_type", "Bearer");
        if (caller.endsAt() != null) {
            answer.add("exp", caller.endsAt().getEpochSecond());
        }
        answer.add("iat", caller.issuedAt().getEpochSecond());
        // A PAT acts as its owner; a key acts as whichever user each request names, which introspection
        // does not see: its subject is the key itself (as a client-credentials token's is its client).
        boolean pat = caller.credentialType() == CredentialType.PERSONAL_ACCESS_TOKEN;
        answer.add("sub", pat ? caller.userId() : caller.credentialId());
        answer.add("company_id", caller.companyId());
        answer.add("credential_type", pat ? "personal_access_token" : "api_key");
        return noStore(Response.ok(answer.build().toString(), MediaType.APPLICATION_JSON_TYPE))
                .build();
    }

    private static Response inactive() {
        return noStore(Response.ok("{\"active\":false}", MediaType.APPLICATION_JSON_TYPE))
                .build();
    }

    private static Response.ResponseBuilder oauthError(int status, String error) {
        return noStore(
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(OAuthErrors.body(error)));
    }

    private static Response.ResponseBuilder noStore(Response.ResponseBuilder answer) {
        return answer.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }

    /**
     * The form's parameters (application/x-www-form-urlencoded), or null when the body is not one, or names a parameter
     * twice (RFC 6749 §3.1).
     */
    private static Map<String, String> form(String contentType, String body) {
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            return null;
        }
        var parameters = new HashMap<String, String>();
        if (body == null || body.isEmpty()) {
            return parameters;
        }
        try {
            for (var pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                var name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                var value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (parameters.put(name, value) != null) {
                    return null;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        return parameters;
    }
}
