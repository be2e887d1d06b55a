package com.meetergo.apiauth.support;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A webhook receiver in the test's JVM, as a customer would write one: it verifies every signature with the Standard
 * Webhooks library against the secrets it was given (a delivery none of them signs is recorded as unverified, and fails
 * the test that looks at it) and answers {@link #answer} (200).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String id, String timestamp, String signature, String body, boolean verified, Instant at) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public String type() {
            return json().getString("type");
        }
    }

    private final HttpServer server;
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    public final AtomicInteger answer = new AtomicInteger(200);
    /** A Location header to answer with (a redirect), or none. */
    public volatile String location;
    /** Answers with a body that never ends (until the sender hangs up). */
    public volatile boolean endless;

    private WebhookReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = new TreeMap<String, List<String>>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            received.add(new Received(
                    first(headers, "webhook-id"),
                    first(headers, "webhook-timestamp"),
                    first(headers, "webhook-signature"),
                    body,
                    verifies(body, headers),
                    Instant.now()));
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            if (endless) {
                exchange.sendResponseHeaders(answer.get(), 0);
                var chunk = new byte[8192];
                try (var out = exchange.getResponseBody()) {
                    while (true) {
                        out.write(chunk);
                    }
                } catch (IOException hungUp) {
                    exchange.close();
                    return;
                }
            }
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /** A receiver on a free port of the IPv4 loopback. */
    public static WebhookReceiver start() {
        return new WebhookReceiver(0);
    }

    /** A receiver on this port (one that was free: a receiver that comes back). */
    public static WebhookReceiver startOn(int port) {
        return new WebhookReceiver(port);
    }

    /** A port nothing listens on (yet). */
    public static int freePort() {
        return TestPorts.free();
    }

    public static String urlOn(int port) {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    public String url() {
        return urlOn(server.getAddress().getPort());
    }

    /** Verifies with this secret too (the endpoint's, once it is known). */
    public WebhookReceiver trust(String secret) {
        secrets.add(secret);
        return this;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until a delivery matches (at most {@code timeout}); fails the test when none does. */
    public Received await(Predicate<Received> matching, Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (var r : received) {
                if (matching.test(r)) {
                    return r;
                }
            }
            sleep(50);
        }
        throw new AssertionError("no matching webhook within " + timeout + "; received: " + received);
    }

    public Received awaitType(String type) {
        return await(r -> r.type().equals(type), Duration.ofSeconds(20));
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean verifies(String body, Map<String, List<String>> headers) {
        for (var secret : secrets) {
            try {
                new Webhook(secret).verify(body, headers);
                return true;
            } catch (WebhookVerificationException | RuntimeException e) {
                // not this one
            } catch (Exception e) {
                // an empty secret: not this one
            }
        }
        return false;
    }

    /** Whether exactly this secret signs the delivery (rotation: old and new each sign). */
    public static boolean signedBy(Received r, String secret) {
        var headers = Map.of(
                "webhook-id",
                List.of(r.id()),
                "webhook-timestamp",
                List.of(r.timestamp()),
                "webhook-signature",
                List.of(r.signature()));
        try {
            new Webhook(secret).verify(r.body(), headers);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        var values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
