package com.meetergo.apiauth.support;

import com.standardwebhooks.Webhook;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A webhook receiver inside the test server, for in-container tests (whose code runs in the server, where the test
 * JVM's {@link WebhookReceiver} is out of reach): a servlet of the test deployment at {@link #PATH} that verifies each
 * delivery with the Standard Webhooks library against the secrets it was given, as a customer's receiver would, keeps
 * it and answers 200.
 */
@WebServlet(WebhookInbox.PATH)
public class WebhookInbox extends HttpServlet {

    public static final String PATH = "/test/webhook-inbox";

    /**
     * One delivery as it arrived. {@code verified}: the library's whole check (signature and a timestamp within 5
     * minutes of now); {@code signed}: the signature alone (a test clock's timestamp); {@code target}: the query string
     * of the URL it was sent to.
     */
    public record Delivery(String id, String body, boolean verified, boolean signed, String target) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public String type() {
            return json().getString("type");
        }

        public JsonObject data() {
            return json().getJsonObject("data");
        }
    }

    private static final List<Delivery> RECEIVED = new CopyOnWriteArrayList<>();
    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();
    private static volatile long delayMillis;

    /** Answers each delivery this much later (a receiver that takes its time: deliveries in flight). */
    public static void answerAfter(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** This inbox's URL on the test server (plain HTTP: the deployment allows private targets). */
    public static String url() {
        return "http://127.0.0.1:" + TestPorts.http() + PATH;
    }

    public static void trust(String secret) {
        SECRETS.add(secret);
    }

    public static Delivery await(Predicate<Delivery> matching, Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (var d : RECEIVED) {
                if (matching.test(d)) {
                    return d;
                }
            }
            pause();
        }
        throw new AssertionError("no matching webhook within " + timeout + "; received: " + RECEIVED);
    }

    public static List<Delivery> received() {
        return List.copyOf(RECEIVED);
    }

    /** Waits this long: for what must not arrive. */
    public static void quiet(Duration wait) {
        var until = Instant.now().plus(wait);
        while (Instant.now().isBefore(until)) {
            pause();
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var headers = new HashMap<String, List<String>>();
        for (var name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), Collections.list(request.getHeaders(name)));
        }
        boolean verified = false;
        boolean signed = false;
        for (var secret : SECRETS) {
            try {
                new Webhook(secret).verify(body, headers);
                verified = true;
            } catch (Exception e) {
                // not this secret, or not now
            }
            signed |= signs(secret, request, body);
        }
        RECEIVED.add(new Delivery(request.getHeader("webhook-id"), body, verified, signed, request.getQueryString()));
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        response.setStatus(200);
    }

    /** Whether one of the request's signatures is the library's signature of it with this secret. */
    private static boolean signs(String secret, HttpServletRequest request, String body) {
        try {
            var expected = new Webhook(secret)
                    .sign(
                            request.getHeader("webhook-id"),
                            Long.parseLong(request.getHeader("webhook-timestamp")),
                            body);
            for (var signature : request.getHeader("webhook-signature").split(" ")) {
                if (MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
        } catch (Exception e) {
            // no signature, no timestamp: not signed
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
