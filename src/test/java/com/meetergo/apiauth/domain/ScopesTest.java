package com.meetergo.apiauth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.domain.model.credential.Scope;
import com.meetergo.apiauth.domain.model.credential.Scopes;
import com.meetergo.apiauth.domain.shared.DomainException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two rules of scopes (grant, cover) and how they are stored. */
class ScopesTest {

    @Test
    void writeGrantsReadAndNothingElse() {
        var writer = Scopes.named(List.of("meeting-types:write"));
        assertTrue(writer.grant(Scope.MEETING_TYPES_WRITE));
        assertTrue(writer.grant(Scope.MEETING_TYPES_READ));
        assertFalse(writer.grant(Scope.APPOINTMENTS_READ));
        var reader = Scopes.named(List.of("meeting-types:read"));
        assertFalse(reader.grant(Scope.MEETING_TYPES_WRITE));
        assertFalse(Scopes.NONE.grant(Scope.USERS_READ));
        for (var scope : Scope.values()) {
            assertTrue(Scopes.FULL.grant(scope), scope.apiName());
        }
    }

    @Test
    void onlyFullAccessCoversFullAccess() {
        var everyWrite = Scopes.named(
                List.of("users:write", "meeting-types:write", "appointments:write", "credentials:write", "audit:read"));
        assertTrue(everyWrite.cover(Scopes.named(List.of("users:read", "audit:read"))));
        assertFalse(everyWrite.cover(Scopes.FULL), "full access includes scopes added later");
        assertTrue(Scopes.FULL.cover(everyWrite));
        assertTrue(Scopes.named(List.of("credentials:write")).cover(Scopes.named(List.of("credentials:read"))));
        assertFalse(Scopes.named(List.of("credentials:read")).cover(Scopes.named(List.of("credentials:write"))));
        assertTrue(Scopes.NONE.cover(Scopes.NONE));
    }

    @Test
    void namingEveryScopeIsFullAccess() {
        var all = Scopes.named(Arrays.stream(Scope.values()).map(Scope::apiName).toList());
        assertSame(Scopes.FULL, all);
        assertNull(all.stored());
        assertSame(Scopes.FULL, Scopes.fromStored(null));
    }

    @Test
    void storedSortedAndReadBack() {
        var scopes = Scopes.named(List.of("users:read", "appointments:write", "users:read"));
        assertEquals("appointments:write users:read", scopes.stored());
        assertEquals(List.of("appointments:write", "users:read"), scopes.names());
        assertEquals(scopes, Scopes.fromStored(scopes.stored()));
        assertEquals("", Scopes.NONE.stored());
        assertSame(Scopes.NONE, Scopes.fromStored(""));
    }

    @Test
    void anUnknownNameIsTheClientsMistake() {
        var e = assertThrows(DomainException.class, () -> Scopes.named(List.of("users:read", "foo")));
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertEquals("Unknown scope 'foo'", e.getMessage());
    }
}
