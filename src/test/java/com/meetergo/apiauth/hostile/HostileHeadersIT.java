package com.meetergo.apiauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Answer;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.RawHttp;
import com.meetergo.apiauth.support.Tenant;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/**
 * Hostile Authorization and x-meetergo-api-user-id headers, hand-picked and generated (jqwik arbitraries): never
 * authenticated without a database match, always the contract's JSON shape, never a 5xx but the contract's 500, and
 * every answer in bounded time. Two Authorization headers are refused whichever they hold; two user headers never name
 * one user.
 */
class HostileHeadersIT extends ApiTest {

    private static final int GENERATED_AUTHORIZATION = 5_000;
    private static final int GENERATED_USER_HEADERS = 5_000;
    /**
     * Catches a parse that blows up on a crafted value (a backtracking pattern takes minutes), not a slow machine: the
     * bound is far above any healthy request on the slowest CI host.
     */
    private static final long MAX_MILLIS = 10_000;

    /** Every body the API may answer a bad header with. */
    private static final Set<String> ALLOWED_ERRORS = Set.of(
            "{\"statusCode\":401,\"message\":\"Missing authorization header\",\"error\":\"Unauthorized\"}",
            "{\"statusCode\":401,\"message\":\"Invalid API key\",\"error\":\"Unauthorized\"}",
            "{\"statusCode\":403,\"message\":\"The 'x-meetergo-api-user-id' header requires a Platform API Key."
                    + " Personal Access Tokens always act as the token owner and cannot act on behalf of other"
                    + " users.\",\"error\":\"Forbidden\"}",
            "{\"statusCode\":400,\"message\":\"Header 'x-meetergo-api-user-id' must be a user id (UUID)\","
                    + "\"error\":\"Bad Request\"}",
            "{\"statusCode\":500,\"message\":\"API user does not belong to company\","
                    + "\"error\":\"Internal Server Error\"}",
            "{\"statusCode\":431,\"message\":\"Request header too large\","
                    + "\"error\":\"Request Header Fields Too Large\"}");

    private long slowest;
    private int tried;

    private void check(Answer answer, long millis) {
        tried++;
        slowest = Math.max(slowest, millis);
        assertTrue(millis < MAX_MILLIS, () -> answer + " took " + millis + " ms");
        assertEquals("application/json", answer.contentType(), answer::toString);
        assertTrue(ALLOWED_ERRORS.contains(answer.body()), answer::toString);
        assertEquals(answer.status(), answer.object().getInt("statusCode"), answer::toString);
    }

    private Answer timed(Api request) {
        long start = System.nanoTime();
        var answer = request.send();
        check(answer, (System.nanoTime() - start) / 1_000_000);
        return answer;
    }

    @Test
    void handPickedAuthorizationValuesNeverAuthenticate() throws IOException {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var token = tenant.ownerToken();
        var stranger = Tenant.create().apiKey();
        var values = List.of(
                "",
                " ",
                "\t",
                "Bearer",
                "Bearer ",
                "Bearer  \t ",
                "bearer",
                "BEARER x",
                "Basic " + "dXNlcjpwYXNz",
                "Digest x",
                "Bearer null",
                "Bearer undefined",
                "Bearer rgo-",
                "Bearer ak_live:",
                "Bearer ak_live:::",
                "Bearer " + key + "x",
                "Bearer x" + key,
                "Bearer " + key.toUpperCase(),
                "Bearer " + token.substring(0, token.length() - 1),
                "Bearer " + token + " " + token,
                "Bearer " + key.replace(key.split(":")[1], stranger.split(":")[1]),
                "Bearer ' OR '1'='1",
                "Bearer \"; DROP TABLE api_key; --",
                "Bearer {\"$ne\": null}",
                "Bearer " + "A".repeat(8192),
                "Bearer rgo-" + "A".repeat(9000),
                "Bearer \u00e9\u00e8\u00ff",
                "Bearer ak_live:550e8400-e29b-41d4-a716-446655440000:" + "0".repeat(38));
        for (var value : values) {
            timed(Api.get("/v4/user/me").header("Authorization", value));
        }
        // What java.net.http refuses to send: control characters, two headers, a split header line.
        var raw = List.of(
                new String[] {"Authorization: Bearer " + token, "Authorization: Bearer " + key},
                new String[] {"Authorization: Bearer " + token, "Authorization: Bearer " + token},
                new String[] {
                    "Authorization: Bearer " + key,
                    "x-meetergo-api-user-id: " + tenant.ownerId(),
                    "x-meetergo-api-user-id: " + tenant.ownerId()
                },
                new String[] {"Authorization: Bearer \u0000" + token},
                new String[] {"Authorization: Bearer \u0007x"},
                new String[] {"Authorization:\tBearer\tjunk"});
        for (var headers : raw) {
            long start = System.nanoTime();
            var reply = RawHttp.send("127.0.0.1", "GET", "/v4/user/me", null, headers);
            long millis = (System.nanoTime() - start) / 1_000_000;
            tried++;
            assertTrue(millis < MAX_MILLIS);
            assertTrue(
                    reply.status() == 400 || reply.status() == 401, () -> String.join(" | ", headers) + " -> " + reply);
            assertTrue(reply.status() == 400 || ALLOWED_ERRORS.contains(reply.body()), reply::toString);
            if (ALLOWED_ERRORS.contains(reply.body())) {
                assertTrue(reply.body().startsWith("{\"statusCode\":" + reply.status() + ","), reply::toString);
            }
        }
        // Never in the query string, never in a cookie.
        timed(Api.get("/v4/user/me?access_token=" + token));
        timed(Api.get("/v4/user/me").header("Cookie", "token=" + token + "; Authorization=Bearer " + token));
        System.out.println("hand-picked hostile header cases tried: " + tried + ", slowest " + slowest + " ms");
    }

    @Test
    void generatedAuthorizationValuesNeverAuthenticate() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var scheme = Arbitraries.of("Bearer ", "bearer ", "BEARER ", "Bearer  ", "Basic ", "Token ", "", "Bearer\t");
        var body = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(120),
                Arbitraries.strings().withCharRange('0', 'z').ofLength(36).map(s -> "rgo-" + s),
                Arbitraries.strings().alpha().numeric().ofLength(38).map(s -> "ak_live:" + key.split(":")[1] + ":" + s),
                Arbitraries.integers().between(0, key.length() - 1).map(i -> mutate(key, i)),
                Arbitraries.strings().withCharRange('\u00a0', '\u00ff').ofMaxLength(40));
        var generated = scheme.flatMap(s -> body.map(b -> s + b));
        var samples = sample(generated, GENERATED_AUTHORIZATION);
        for (var value : samples) {
            var answer = timed(Api.get("/v4/meeting-type").header("Authorization", value));
            assertTrue(answer.status() == 401, answer::toString);
        }
        System.out.println("generated Authorization cases tried: " + samples.size() + ", slowest " + slowest + " ms");
    }

    @Test
    void generatedUserHeadersNeverReachAnotherUser() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var token = tenant.ownerToken();
        var values = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(60),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF-").ofLength(36),
                Arbitraries.create(() -> UUID.randomUUID().toString()),
                Arbitraries.strings()
                        .withCharRange('\u00a0', '\u00ff')
                        .ofMinLength(1)
                        .ofMaxLength(36));
        var samples = sample(values, GENERATED_USER_HEADERS);
        int i = 0;
        for (var value : samples) {
            var viaKey = (i++ % 2) == 0;
            var answer = timed(
                    Api.get("/v4/meeting-type").bearer(viaKey ? key : token).actingAs(value));
            assertTrue(
                    viaKey ? answer.status() == 400 || answer.status() == 500 : answer.status() == 403,
                    answer::toString);
        }
        System.out.println("generated user header cases tried: " + samples.size() + ", slowest " + slowest + " ms");
    }

    private static String mutate(String credential, int at) {
        var chars = credential.toCharArray();
        chars[at] = chars[at] == 'x' ? 'y' : 'x';
        return new String(chars);
    }

    /** jqwik's own sampling (random each run; a failing case is printed whole by the assertion). */
    private static <T> List<T> sample(Arbitrary<T> arbitrary, int count) {
        return arbitrary
                .sampleStream()
                .filter(v -> v.toString().chars().noneMatch(c -> c == '\r' || c == '\n' || c < 0x20 && c != '\t'))
                .limit(count)
                .toList();
    }
}
