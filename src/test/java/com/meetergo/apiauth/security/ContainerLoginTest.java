package com.meetergo.apiauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.user.Role;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Liberty's cached Subject is found by this key alone: it must change whenever the Subject's content would (the
 * caller's name or any group), and only then. The role-change and revocation ITs (VerificationCacheIT,
 * CredentialRevocationIT, RevocationRaceIT, TwoServersIT) check the same from the client's side.
 */
class ContainerLoginTest {

    @Test
    void theSameNameAndGroupsGiveOneKeyWhateverTheGroupsOrder() {
        var forward = new LinkedHashSet<>(List.of(Roles.ADMIN, Roles.USER_MANAGER));
        var backward = new LinkedHashSet<>(List.of(Roles.USER_MANAGER, Roles.ADMIN));
        assertEquals(ContainerLogin.keyOf("u1", forward), ContainerLogin.keyOf("u1", backward));
        assertEquals("api-auth:u1:ADMIN,USER_MANAGER", ContainerLogin.keyOf("u1", forward));
    }

    @Test
    void theGroupsOfEveryTypeAndRoleAreJoinedOnceAndAsAnyCopyOfThemWouldBe() {
        for (var type : CredentialType.values()) {
            for (var role : Role.values()) {
                var groups = Roles.groupsFor(type, role);
                // The identity store handler hands the mechanism its own copy of the groups.
                var copy = new HashSet<>(groups);
                assertEquals(String.join(",", new TreeSet<>(groups)), Roles.joined(copy), type + " " + role);
                assertEquals(ContainerLogin.keyOf("u1", groups), ContainerLogin.keyOf("u1", copy));
            }
        }
        assertEquals("api-auth:u1:", ContainerLogin.keyOf("u1", new HashSet<>()));
    }

    @Test
    void aChangedRoleIsAnotherKey() {
        assertNotEquals(
                ContainerLogin.keyOf("u1", Set.of(Roles.ADMIN, Roles.USER_MANAGER)),
                ContainerLogin.keyOf("u1", Set.of(Roles.MEMBER)));
        assertNotEquals(
                ContainerLogin.keyOf("u1", Set.of(Roles.ADMIN)),
                ContainerLogin.keyOf("u1", Set.of(Roles.ADMIN, Roles.USER_MANAGER)),
                "a PAT's admin is not a key's");
        assertNotEquals(
                ContainerLogin.keyOf("u1", Set.of(Roles.MEMBER)),
                ContainerLogin.keyOf("u1", Set.of()),
                "a caller whose user context was refused has no group");
    }

    @Test
    void anotherCallerIsAnotherKey() {
        assertNotEquals(
                ContainerLogin.keyOf("u1", Set.of(Roles.MEMBER)), ContainerLogin.keyOf("u2", Set.of(Roles.MEMBER)));
    }
}
