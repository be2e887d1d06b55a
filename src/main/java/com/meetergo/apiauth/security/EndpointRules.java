package com.meetergo.apiauth.security;

import com.meetergo.apiauth.domain.model.credential.Scope;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * What an endpoint declares about who may call it: whether an API key may call it without
 * {@code x-meetergo-api-user-id} ({@link OwnerContextAllowed}), the scope it needs ({@link RequiresScope}, or any with
 * {@link NoScopeRequired}) and the roles it allows ({@code @RolesAllowed}; empty: any). An endpoint of this WAR
 * declares them in annotations; a route a gateway asks about, in the route table ({@code gateway/routes.txt}).
 * {@link UserContextFilter} and {@link ScopeFilter} enforce them the same way for both.
 *
 * @param anyScope true when any credential may call it, whatever its scopes
 * @param scope the scope it needs; null with {@code anyScope} false: it declares none and is closed
 */
public record EndpointRules(boolean ownerByDefault, boolean anyScope, Scope scope, Set<String> roles) {

    /** An endpoint that declares nothing, or a route no table names: every credential refused. */
    public static final EndpointRules CLOSED = new EndpointRules(false, false, null, Set.of());

    public EndpointRules {
        roles = Set.copyOf(roles);
    }

    /** What a resource method's annotations declare. */
    public static EndpointRules of(Method method) {
        if (method == null) {
            return CLOSED;
        }
        var required = method.getAnnotation(RequiresScope.class);
        var allowed = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class)
                : method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        return new EndpointRules(
                method.isAnnotationPresent(OwnerContextAllowed.class),
                method.isAnnotationPresent(NoScopeRequired.class),
                required == null ? null : required.value(),
                allowed == null ? Set.of() : Set.of(allowed.value()));
    }

    /** Whether a caller with these groups passes the role rule. */
    public boolean allowsRoles(Set<String> groups) {
        return roles.isEmpty() || groups.stream().anyMatch(roles::contains);
    }
}
