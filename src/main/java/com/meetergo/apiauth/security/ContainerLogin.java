package com.meetergo.apiauth.security;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import java.util.Hashtable;
import java.util.Set;

/**
 * The container's half of a login, after the identity stores have accepted the credential on this request. Liberty
 * turns the caller's name and groups into a Subject (a JAAS login with a WSCredential and its token, about a fifth of a
 * warm request's server CPU); with a cache key in the login's hashtable it takes that Subject from its authentication
 * cache instead.
 *
 * <p>The key is the Subject's whole content — the caller's name and groups — and nothing else, so a cached Subject can
 * never say more than this request's own validation did: a revoked or expired credential never gets here (the stores
 * refuse it first, on every request), and a changed role gives other groups and so another key. Nothing has to evict
 * Liberty's entries, on this server or another. The container is told a plain {@link CallerPrincipal}, not the stores'
 * principal: a cached Subject keeps no request's {@link Caller}. (docs/decisions.md: Liberty's Subject, reused)
 */
final class ContainerLogin {

    /** Liberty's hashtable-login attribute (com.ibm.wsspi.security.token.AttributeNameConstants). */
    static final String CACHE_KEY = "com.ibm.wsspi.security.cred.cacheKey";

    /**
     * Liberty's own flags (its AuthenticationConstants, set the same way by its mpJwt): no LTPA cookie, and no index of
     * the cached Subject by its LTPA token. Signing that token (RSA) is most of what a cache miss costs; nothing here
     * ever looks a Subject up by it (single sign-on is off). Were a later Liberty to ignore them, a miss would only
     * cost that signature again.
     */
    static final String NO_LTPA_COOKIE = "com.ibm.ws.authentication.internal.sso.disable.ltpa.cookie";

    static final String NO_LTPA_CACHE_KEY = "com.ibm.ws.authentication.internal.sso.disable.ltpa.cache";

    private ContainerLogin() {}

    static AuthenticationStatus notify(HttpMessageContext context, String name, Set<String> groups) {
        var status = context.notifyContainerAboutLogin(new CallerPrincipal(name), groups);
        @SuppressWarnings("rawtypes")
        var hashtables = context.getClientSubject().getPrivateCredentials(Hashtable.class);
        for (@SuppressWarnings("unchecked") Hashtable<String, Object> login : hashtables) {
            login.put(CACHE_KEY, keyOf(name, groups));
            login.put(NO_LTPA_COOKIE, Boolean.TRUE);
            login.put(NO_LTPA_CACHE_KEY, Boolean.TRUE);
        }
        return status;
    }

    /** Name and groups (joined in a stable order by {@link Roles}), in a namespace of api-auth's own. */
    static String keyOf(String name, Set<String> groups) {
        return "api-auth:" + name + ":" + Roles.joined(groups);
    }
}
