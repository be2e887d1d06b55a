package com.meetergo.apiauth.security.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.domain.model.credential.Scope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading the route table strictly, and matching a request's path to one route or to none. */
class RouteTableTest {

    private static final RouteTable TABLE = RouteTable.parse("""
            # a comment
            GET    /v4/user/me                     -                 owner-by-default
            GET    /v4/user/{id}                   users:read
            POST   /v4/personal-access-token/self/rotate  -
            POST   /v4/personal-access-token/{id}/rotate  credentials:write   # a comment after a route
            POST   /v4/credential-revocation       open
            GET    /v4/booking/{bookingId}/notes   appointments:read
            """, "test");

    private static String scopeOf(String method, String path) {
        return TABLE.match(method, path)
                .map(r ->
                        r.open() ? "open" : r.scope() == null ? "-" : r.scope().apiName())
                .orElse("refused");
    }

    @Test
    void theMostLiteralTemplateWins() {
        assertEquals("-", scopeOf("GET", "/v4/user/me"));
        assertTrue(TABLE.match("GET", "/v4/user/me").orElseThrow().ownerByDefault());
        assertEquals("users:read", scopeOf("GET", "/v4/user/0f5a"));
        assertFalse(TABLE.match("GET", "/v4/user/0f5a").orElseThrow().ownerByDefault());
        assertEquals("-", scopeOf("POST", "/v4/personal-access-token/self/rotate"));
        assertEquals("credentials:write", scopeOf("POST", "/v4/personal-access-token/abc/rotate"));
        assertEquals("open", scopeOf("POST", "/v4/credential-revocation"));
        assertEquals("appointments:read", scopeOf("GET", "/v4/booking/b-1/notes?page=2"));
    }

    @Test
    void methodsAreExactButHeadIsGet() {
        assertEquals("users:read", scopeOf("HEAD", "/v4/user/1"));
        assertEquals("users:read", scopeOf("get", "/v4/user/1"));
        assertEquals("refused", scopeOf("DELETE", "/v4/user/1"));
        assertEquals("refused", scopeOf("OPTIONS", "/v4/user/1"));
    }

    /** A path that another path could hide behind, once decoded or normalised, matches nothing. */
    @Test
    void whatTheTableDoesNotNameOrCouldMeanAnotherPathIsRefused() {
        for (var path : List.of(
                "/v4/user",
                "/v4/user/",
                "/v4/user/me/",
                "/v4/user/1/extra",
                "/v4//user/1",
                "/v4/user/../user/me",
                "/v4/user/./me",
                "/v4/user/%2e%2e",
                "/v4/user/%2E",
                "/v4/user/a%2Fb",
                "/v4/user/a%5cb",
                "/v4/user/a\\b",
                "/v4/user/%",
                "/v4/user/%zz",
                "/v4/user/%c3",
                "/v4/user/%00",
                "/v4/user/a%0d%0aX",
                "/v4/user/\u00e9",
                "v4/user/1",
                "/",
                "",
                "/v4/user/1#x",
                "/V4/user/me")) {
            assertEquals("refused", scopeOf("GET", path), path);
        }
        assertEquals("users:read", scopeOf("GET", "/v4/user/caf%C3%A9"), "a well-formed encoded segment");
        assertEquals("-", scopeOf("GET", "/v4/user/%6De"), "an encoded literal is the literal");
        assertTrue(TABLE.match(null, "/v4/user/me").isEmpty());
        assertTrue(TABLE.match("GET", null).isEmpty());
    }

    @Test
    void aTableIsReadWhollyOrNotAtAll() {
        for (var bad : List.of(
                "GET /v4/user",
                "GET /v4/user users:read extra",
                "get /v4/user users:read",
                "GET v4/user users:read",
                "GET /v4/user/ users:read",
                "GET /v4//user users:read",
                "GET /v4/user/{id users:read",
                "GET /v4/user/x{id} users:read",
                "GET /v4/../user users:read",
                "GET /v4/user users:admin",
                "GET /v4/user users:read owner",
                "POST /v4/report open owner-by-default",
                "POST /v4/report open roles=OWNER",
                "GET /v4/user users:read roles=",
                "GET /v4/user users:read roles=ROOT",
                "GET /v4/user users:read roles=OWNER,OWNER",
                "GET /v4/user users:read roles=owner",
                "GET /v4/user users:read roles=OWNER roles=ADMIN",
                "GET /v4/user users:read owner-by-default owner-by-default",
                "GET /v4/user/{id} users:read\nGET /v4/user/{other} users:write")) {
            var e = assertThrows(
                    IllegalArgumentException.class, () -> RouteTable.parse("# ok\n" + bad, "routes.txt"), bad);
            assertTrue(e.getMessage().startsWith("routes.txt, line "), e.getMessage());
        }
        var one = RouteTable.parse("\tPUT\t/v4/x/{id}\tcredentials:write\r\n", "t")
                .routes();
        assertEquals(
                List.of(new RouteTable.Route("PUT", "/v4/x/{id}", Scope.CREDENTIALS_WRITE, false, false, Set.of())),
                one);
        var both = RouteTable.parse("POST /v4/x - roles=OWNER,ADMIN owner-by-default", "t")
                .routes();
        assertEquals(List.of(new RouteTable.Route("POST", "/v4/x", null, false, true, Set.of("ADMIN", "OWNER"))), both);
    }

    @Test
    void theShippedTableReads() {
        assertEquals(40, RouteTable.shipped().routes().size());
        assertEquals(
                "refused",
                RouteTable.shipped()
                        .match("GET", "/v4/not-a-route")
                        .map(r -> "found")
                        .orElse("refused"));
    }
}
