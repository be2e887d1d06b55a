package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertBadRequest;
import static com.meetergo.apiauth.support.ApiAssertions.assertInvalidCredential;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Anybody who finds a leaked credential can kill it; the answer never says whether it matched. */
class CredentialRevocationIT extends ApiTest {

    private static String body(String... values) {
        var quoted = new ArrayList<String>();
        for (var v : values) {
            quoted.add("\"" + v + "\"");
        }
        return "{\"credentials\": [" + String.join(", ", quoted) + "]}";
    }

    @Test
    void leakedKeyAndTokenReportedWithoutCredentialAreRefusedOnNextUse() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var token = tenant.tokenOf(tenant.ownerId());
        var answer = Api.post("/v4/credential-revocation", body(key, token)).send();
        assertStatus(answer, 202);
        assertEquals("{\"accepted\":2}", answer.body());
        assertInvalidCredential(Api.get("/v4/user/me").bearer(key).send());
        assertInvalidCredential(Api.get("/v4/user/me").bearer(token).send());

        var trail = Api.get("/v4/audit-event?type=revoked_leaked").bearer(tenant.ownerToken()).send();
        assertEquals(2, trail.array().size(), trail::toString);
        assertEquals("127.0.0.1", trail.array().getJsonObject(0).getString("sourceIp"));
    }

    @Test
    void answerIsTheSameWhetherAnythingMatchedOrNot() {
        var tenant = Tenant.create();
        var live = tenant.apiKey();
        var unknown = TokenFormat.newApiKey(new SecureRandom(), UUID.randomUUID().toString());
        var matched = Api.post("/v4/credential-revocation", body(live)).send();
        var unmatched = Api.post("/v4/credential-revocation", body(unknown)).send();
        assertEquals(matched.status(), unmatched.status());
        assertEquals(matched.body(), unmatched.body());
        assertEquals(matched.contentType(), unmatched.contentType());
        var malformed = Api.post("/v4/credential-revocation", body("ak_live:nope", "rgo-short", "hello")).send();
        assertStatus(malformed, 202);
        assertEquals("{\"accepted\":0}", malformed.body());
    }

    @Test
    void moreThanAHundredValuesIsBadRequest() {
        var values = Collections.nCopies(101, "rgo-x").toArray(String[]::new);
        assertBadRequest(Api.post("/v4/credential-revocation", body(values)).send(),
                "credentials must hold 1 to 100 values");
    }

    @Test
    void reportsAreRateLimitedPerClientAddress() throws IOException {
        // From an address of its own (127.0.0.9), so that the other tests keep their budget.
        var statuses = new ArrayList<Integer>();
        String retryAfter = null;
        String lastBody = null;
        for (int i = 0; i < 12; i++) {
            var raw = postFrom("127.0.0.9", "/v4/credential-revocation", body("rgo-x"));
            statuses.add(raw.status);
            if (raw.status == 429) {
                retryAfter = raw.header("Retry-After");
                lastBody = raw.body;
            }
        }
        assertEquals(10, statuses.stream().filter(s -> s == 202).count(), statuses::toString);
        assertEquals(2, statuses.stream().filter(s -> s == 429).count(), statuses::toString);
        assertTrue(Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 61, retryAfter);
        assertEquals("{\"statusCode\":429,\"message\":\"Too many requests; retry after " + retryAfter
                + " seconds\",\"error\":\"Too Many Requests\"}", lastBody);
        assertStatus(Api.post("/v4/credential-revocation", body("rgo-x")).send(), 202);
    }

    private record Raw(int status, String head, String body) {

        String header(String name) {
            for (var line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith(name.toLowerCase() + ":")) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return null;
        }
    }

    /** A plain HTTP/1.1 request from a chosen loopback address (HttpClient cannot bind one). */
    private static Raw postFrom(String localAddress, String path, String json) throws IOException {
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.getInteger("it.http.port", 9180)), 10_000);
            socket.setSoTimeout(30_000);
            var bytes = json.getBytes(StandardCharsets.UTF_8);
            var request = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
            var out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            var response = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            var head = response.substring(0, split);
            var body = response.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Raw(Integer.parseInt(head.split(" ")[1]), head, body);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static String dechunk(String chunked) {
        var out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }
}
