package com.meetergo.apiauth.security;

import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.user.Role;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one policy that turns a credential type and the acting user's role into the groups that {@code @RolesAllowed}
 * checks. Groups carry the role's name, plus {@link #USER_MANAGER} for an API key acting as an owner or admin: user
 * management is not available to PATs (the contract).
 */
public final class Roles {

    public static final String OWNER = "OWNER";
    public static final String ADMIN = "ADMIN";
    public static final String MEMBER = "MEMBER";
    public static final String USER_MANAGER = "USER_MANAGER";

    private Roles() {}

    /** A caller without an acting user (a rejected user context) has no group at all. */
    public static Set<String> groupsFor(Caller caller) {
        return caller.role() == null ? Set.of() : groupsFor(caller.credentialType(), caller.role());
    }

    static Set<String> groupsFor(CredentialType type, Role role) {
        return GROUPS.get(type).get(role);
    }

    /**
     * The groups as one stable string (sorted, comma-separated: a set's order is not stable), for the key of Liberty's
     * cached Subject ({@link ContainerLogin}). Every set this class hands out is joined once, here; any other set is
     * joined on the spot.
     */
    static String joined(Set<String> groups) {
        var known = JOINED.get(groups);
        return known != null ? known : join(groups);
    }

    private static String join(Set<String> groups) {
        return String.join(",", new TreeSet<>(groups));
    }

    /** Every (type, role) pair's groups, built once: the mechanism asks on every request. */
    private static final Map<CredentialType, Map<Role, Set<String>>> GROUPS = new EnumMap<>(CredentialType.class);

    /** Each of those sets (and the empty one), joined. */
    private static final Map<Set<String>, String> JOINED = new HashMap<>();

    static {
        for (var type : CredentialType.values()) {
            var byRole = new EnumMap<Role, Set<String>>(Role.class);
            for (var role : Role.values()) {
                var groups = new HashSet<String>();
                groups.add(role.name());
                if (type == CredentialType.API_KEY && role.managesCompany()) {
                    groups.add(USER_MANAGER);
                }
                byRole.put(role, Set.copyOf(groups));
            }
            GROUPS.put(type, byRole);
        }
        JOINED.put(Set.of(), "");
        GROUPS.values().forEach(byRole -> byRole.values().forEach(groups -> JOINED.put(groups, join(groups))));
    }
}
