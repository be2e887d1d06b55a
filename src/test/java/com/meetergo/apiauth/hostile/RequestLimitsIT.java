package com.meetergo.apiauth.hostile;

import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.RawHttp;
import com.meetergo.apiauth.support.Tenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Oversized headers and bodies are refused before anything reads them, protected path or not. */
class RequestLimitsIT extends ApiTest {

    @Test
    void headerOverEightKibIsRefusedBeforeAuthentication() {
        var tenant = Tenant.create();
        assertError(
                Api.get("/v4/user/me").bearer("rgo-" + "A".repeat(9000)).send(),
                431,
                "Request Header Fields Too Large",
                "Request header too large");
        assertError(
                Api.get("/v4/user/me")
                        .bearer(tenant.ownerToken())
                        .header("X-Padding", "p".repeat(9000))
                        .send(),
                431,
                "Request Header Fields Too Large",
                "Request header too large");
        assertStatus(
                Api.get("/v4/user/me")
                        .bearer(tenant.ownerToken())
                        .header("X-Padding", "p".repeat(4000))
                        .send(),
                200);
    }

    @Test
    void bodyOverSixtyFourKibIsRefusedOnProtectedAndOpenPaths() {
        var tenant = Tenant.create();
        var big = "{\"name\": \"" + "n".repeat(70_000) + "\", \"expiresInDays\": 5}";
        assertError(
                Api.post("/v4/api-key", big).bearer(tenant.ownerToken()).send(),
                413,
                "Request Entity Too Large",
                "Request body too large");
        assertEquals(
                0,
                Api.get("/v4/api-key")
                        .bearer(tenant.ownerToken())
                        .send()
                        .array()
                        .size());
        var report = "{\"credentials\": [\"" + "x".repeat(70_000) + "\"]}";
        assertError(
                Api.post("/v4/credential-revocation", report).send(),
                413,
                "Request Entity Too Large",
                "Request body too large");
    }

    /**
     * A body that declares no length is bounded as it is read, before anything is parsed: a leak report that names a
     * live key, padded past the limit, revokes nothing (it used to be read whole and acted on), and an oversized
     * chunked body to a protected path creates nothing.
     */
    @Test
    void chunkedBodyOverTheLimitIsRefusedBeforeItIsParsed() throws IOException {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var padded = "{\"credentials\": [\"" + key + "\"]}" + " ".repeat(100_000);
        var report = Api.post("/v4/credential-revocation", padded).chunked().send();
        assertError(report, 413, "Request Entity Too Large", "Request body too large");
        assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);

        var big = "{\"name\": \"" + "n".repeat(100_000) + "\", \"expiresInDays\": 5}";
        assertError(
                Api.post("/v4/api-key", big)
                        .bearer(tenant.ownerToken())
                        .chunked()
                        .send(),
                413,
                "Request Entity Too Large",
                "Request body too large");
        assertEquals(
                1,
                Api.get("/v4/api-key")
                        .bearer(tenant.ownerToken())
                        .send()
                        .array()
                        .size());

        // The same on the wire, framed by hand (java.net.http may not send what it is told to):
        // Transfer-Encoding: chunked, 1 MiB in 8 KiB chunks, no Content-Length.
        var raw = RawHttp.sendChunked(
                "127.0.0.1",
                "POST",
                "/v4/credential-revocation",
                "{\"credentials\": [\"" + key + "\"]}" + " ".repeat(1 << 20));
        assertEquals(413, raw.status(), raw::toString);
        assertEquals(
                "{\"statusCode\":413,\"message\":\"Request body too large\",\"error\":\"Request Entity Too Large\"}",
                raw.body());
        assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);

        var small = Api.post("/v4/api-key", "{\"name\": \"chunked\", \"expiresInDays\": 5}")
                .bearer(tenant.ownerToken())
                .chunked()
                .send();
        assertStatus(small, 201);
    }

    /**
     * Broken chunked framing (a chunk longer than its size line, a size that is not hex, no CRLF after a chunk) is a
     * bad request, answered 400 in the contract's shape, on a protected path and an open one: not Liberty's HTML 500
     * page with the request failed in our filter. Nothing is created. (Liberty itself still records the broken stream
     * when it closes the request, an incident of its own that the application cannot reach: see docs/decisions.md.)
     */
    @Test
    void brokenChunkedFramingIsABadRequestInTheContractsShape() throws IOException {
        var tenant = Tenant.create();
        var expected = "{\"statusCode\":400,\"message\":\"Malformed request body framing\",\"error\":\"Bad Request\"}";
        var before = Incidents.files();
        for (var request : List.of(
                new String[] {"/v4/api-key", "{\"name\": \"framed\", \"expiresInDays\": 5}"},
                new String[] {"/v4/credential-revocation", "{\"credentials\": [\"rgo-x\"]}"})) {
            var path = request[0];
            var body = request[1];
            for (var framed : List.of(
                    "5\r\n" + body + "\r\n0\r\n\r\n", // the chunk is longer than its size line says
                    "zz\r\n" + body + "\r\n0\r\n\r\n", // the size is not hex
                    Integer.toHexString(body.length()) + "\r\n" + body + "XX0\r\n\r\n")) { // no CRLF after it
                var reply = RawHttp.sendFramed(
                        "127.0.0.1", "POST", path, framed, "Authorization: Bearer " + tenant.ownerToken());
                assertEquals(400, reply.status(), () -> path + " " + framed + " -> " + reply);
                assertEquals("application/json", reply.header("Content-Type"), reply::toString);
                assertEquals(expected, reply.body(), framed);
            }
        }
        assertEquals(
                0,
                Api.get("/v4/api-key")
                        .bearer(tenant.ownerToken())
                        .send()
                        .array()
                        .size());
        for (var incident : Incidents.since(before)) {
            assertTrue(
                    incident.contains("Source = com.ibm.ws.webcontainer.srt.SRTServletRequest.finish"),
                    () -> "no request fails on bad framing; only Liberty's own close of the stream is recorded:\n"
                            + incident);
        }
    }

    /** The test server's FFDC incident files. */
    private static final class Incidents {
        private static final Path FFDC = Path.of(System.getProperty("it.server.dir", "."), "logs", "ffdc");

        static Set<Path> files() throws IOException {
            if (!Files.isDirectory(FFDC)) {
                return Set.of();
            }
            try (var files = Files.list(FFDC)) {
                return files.filter(f -> f.getFileName().toString().startsWith("ffdc_"))
                        .collect(Collectors.toSet());
            }
        }

        /** The text of each incident recorded after {@code before}. */
        static List<String> since(Set<Path> before) throws IOException {
            var texts = new ArrayList<String>();
            for (var file : files()) {
                if (!before.contains(file)) {
                    texts.add(Files.readString(file));
                }
            }
            return texts;
        }
    }
}
