package com.meetergo.apiauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.Tenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Credentials sent every way (valid, malformed, in the wrong header, the query string, a cookie) with Liberty's trace
 * turned on by a config drop-in, then searched for in every log, trace and FFDC file.
 *
 * <p>With security and application trace: no hit at all. With web container and HTTP channel trace at "all", Liberty
 * 26.0.0.3 itself prints request headers, query strings and cookies (SRTServletRequest.getHeader, SSOAuthenticator,
 * HttpRequestMessageImpl, CookieHeaderByteParser) whatever suppressSensitiveTrace says: that test pins down that every
 * hit comes from those Liberty classes and none from this application, and docs/operations.md and SECURITY.md tell
 * operators never to turn that trace on in production.
 */
class SecretsNotTracedIT extends ApiTest {

    private static final Path SERVER = Path.of(System.getProperty("it.server.dir"));
    private static final Path DROP_IN = SERVER.resolve("configDropins/overrides/zz-trace.xml");
    /** Liberty's request trace (class names may be cut on the left in the trace header). */
    private static final List<String> LIBERTY_REQUEST_TRACE =
            List.of("ibm.ws.webcontainer.", "ibm.ws.http.channel.", "ibm.ws.http.dispatcher.");

    @Test
    void securityAndApplicationTraceNeverHoldACredential() throws Exception {
        var lines = traceWhileSendingCanaries("com.ibm.ws.security.*=all:com.meetergo.*=all");
        System.out.println("security and application trace: " + lines.searchedBytes + " bytes searched, canary hits: "
                + lines.hits.size());
        assertTrue(lines.traceEntries > 0, "the security trace was on");
        assertEquals(List.of(), lines.hits);
    }

    @Test
    void requestTraceLeaksOnlyThroughLibertysOwnClasses() throws Exception {
        var lines = traceWhileSendingCanaries(
                "com.ibm.ws.webcontainer*=all:HTTPChannel=all:HTTPDispatcher=all:com.meetergo.*=all");
        var ours = lines.hits.stream()
                .filter(l -> LIBERTY_REQUEST_TRACE.stream().noneMatch(header(l)::contains))
                .toList();
        System.out.println("web container and HTTP channel trace: " + lines.hits.size()
                + " lines with a canary, all from Liberty's request trace; from this application: " + ours.size());
        // The trace was really on: Liberty's known leak (request headers in its own trace) shows.
        assertTrue(lines.hits.size() > 0, "Liberty's request trace printed the canaries it always prints");
        assertEquals(List.of(), ours);
    }

    private record Search(long searchedBytes, long traceEntries, List<String> hits) {}

    private Search traceWhileSendingCanaries(String spec) throws Exception {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var token = tenant.tokenOf(tenant.ownerId());
        var canaries = List.of(key.substring(key.lastIndexOf(':') + 1), token.substring(4));
        var messages = SERVER.resolve("logs/messages.log");
        var barrier = "/v4/trace-barrier-" + UUID.randomUUID();
        int changesBefore = count(read(messages), "TRAS0018I");
        Files.writeString(DROP_IN, "<server><logging traceSpecification=\"*=info:" + spec + "\"/></server>");
        try {
            waitFor(() -> count(read(messages), "TRAS0018I") > changesBefore, "the trace to be turned on");
            Api.get("/v4/user/me").bearer(key).send();
            Api.get("/v4/user/me").bearer(token).send();
            Api.get("/v4/user/me").bearer(key + "x").send();
            Api.get("/v4/user/me").bearer(token).actingAs(token).send();
            Api.get("/v4/user/me?access_token=" + token).send();
            Api.get("/v4/user/me").header("Cookie", "session=" + key).send();
            // Flush barrier: a request of its own, whose path the trace prints; once it is in trace.log,
            // everything traced before it is too.
            Api.get(barrier).send();
            waitFor(
                    () -> traceFiles().stream().anyMatch(f -> read(f).contains(barrier)),
                    "the barrier request in the trace");
        } finally {
            Files.deleteIfExists(DROP_IN);
            waitFor(() -> count(read(messages), "TRAS0018I") > changesBefore + 1, "the trace to be turned off");
        }
        var hits = new ArrayList<String>();
        long searched = 0;
        try (Stream<Path> files = Files.walk(SERVER.resolve("logs"))) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var content = read(file);
                searched += content.length();
                // One entry per "[timestamp] thread class ..." header, continuation lines included.
                for (var entry : content.split("\n(?=\\[\\d)")) {
                    if (canaries.stream().anyMatch(entry::contains)) {
                        hits.add(file.getFileName() + ": " + entry.substring(0, Math.min(200, entry.length())));
                    }
                }
            }
        }
        assertTrue(searched > 0);
        // What the security trace wrote between the trace change and the barrier (trace files roll).
        long securityEntries = 0;
        for (var file : traceFiles()) {
            var content = read(file);
            int barrierAt = content.indexOf(barrier);
            if (barrierAt >= 0) {
                int from = Math.max(0, content.lastIndexOf("TRAS0018I", barrierAt));
                securityEntries = content.substring(from, barrierAt)
                        .lines()
                        .filter(l -> l.startsWith("[") && l.contains("ws.security."))
                        .count();
            }
        }
        return new Search(searched, securityEntries, hits);
    }

    private static List<Path> traceFiles() {
        try (Stream<Path> files = Files.list(SERVER.resolve("logs"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("trace"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String header(String entry) {
        int eol = entry.indexOf('\n');
        return eol < 0 ? entry : entry.substring(0, eol);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }
}
