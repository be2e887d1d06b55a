package com.meetergo.apiauth.hostile;

import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import org.junit.jupiter.api.Test;

/** Oversized headers and bodies are refused before anything reads them, protected path or not. */
class RequestLimitsIT extends ApiTest {

    @Test
    void headerOverEightKibIsRefusedBeforeAuthentication() {
        var tenant = Tenant.create();
        assertError(Api.get("/v4/user/me").bearer("rgo-" + "A".repeat(9000)).send(), 431,
                "Request Header Fields Too Large", "Request header too large");
        assertError(Api.get("/v4/user/me").bearer(tenant.ownerToken()).header("X-Padding", "p".repeat(9000)).send(),
                431, "Request Header Fields Too Large", "Request header too large");
        assertStatus(Api.get("/v4/user/me").bearer(tenant.ownerToken()).header("X-Padding", "p".repeat(4000)).send(),
                200);
    }

    @Test
    void bodyOverSixtyFourKibIsRefusedOnProtectedAndOpenPaths() {
        var tenant = Tenant.create();
        var big = "{\"name\": \"" + "n".repeat(70_000) + "\", \"expiresInDays\": 5}";
        assertError(Api.post("/v4/api-key", big).bearer(tenant.ownerToken()).send(), 413, "Request Entity Too Large",
                "Request body too large");
        assertEquals(0, Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array().size());
        var report = "{\"credentials\": [\"" + "x".repeat(70_000) + "\"]}";
        assertError(Api.post("/v4/credential-revocation", report).send(), 413, "Request Entity Too Large",
                "Request body too large");
    }

    /**
     * A body that declares no length is bounded as it is read, before anything is parsed: a leak
     * report that names a live key, padded past the limit, revokes nothing (it used to be read whole
     * and acted on), and an oversized chunked body to a protected path creates nothing.
     */
    @Test
    void chunkedBodyOverTheLimitIsRefusedBeforeItIsParsed() throws java.io.IOException {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var padded = "{\"credentials\": [\"" + key + "\"]}" + " ".repeat(100_000);
        var report = Api.post("/v4/credential-revocation", padded).chunked().send();
        assertError(report, 413, "Request Entity Too Large", "Request body too large");
        assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);

        var big = "{\"name\": \"" + "n".repeat(100_000) + "\", \"expiresInDays\": 5}";
        assertError(Api.post("/v4/api-key", big).bearer(tenant.ownerToken()).chunked().send(), 413,
                "Request Entity Too Large", "Request body too large");
        assertEquals(1, Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array().size());

        // The same on the wire, framed by hand (java.net.http may not send what it is told to):
        // Transfer-Encoding: chunked, 1 MiB in 8 KiB chunks, no Content-Length.
        var raw = com.meetergo.apiauth.support.RawHttp.sendChunked("127.0.0.1", "POST", "/v4/credential-revocation",
                "{\"credentials\": [\"" + key + "\"]}" + " ".repeat(1 << 20));
        assertEquals(413, raw.status(), raw::toString);
        assertEquals("{\"statusCode\":413,\"message\":\"Request body too large\",\"error\":\"Request Entity Too Large\"}",
                raw.body());
        assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);

        var small = Api.post("/v4/api-key", "{\"name\": \"chunked\", \"expiresInDays\": 5}")
                .bearer(tenant.ownerToken()).chunked().send();
        assertStatus(small, 201);
    }
}
