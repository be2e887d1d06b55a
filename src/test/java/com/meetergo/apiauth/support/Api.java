package com.meetergo.apiauth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for the API under test: a request is built, sent, and its answer kept. */
public final class Api {

    public static final String USER_HEADER = "x-meetergo-api-user-id";
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String BASE = "http://localhost:" + TestPorts.http();

    private final String method;
    private final String path;
    private String base = BASE;
    private final List<String> headers = new ArrayList<>();
    private String body;
    private boolean chunked;

    private Api(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static Api get(String path) {
        return new Api("GET", path);
    }

    public static Api post(String path, String json) {
        return new Api("POST", path).body(json);
    }

    /** A form post (application/x-www-form-urlencoded), as OAuth endpoints take. */
    public static Api postForm(String path, String form) {
        var api = new Api("POST", path);
        api.body = form;
        return api.header("Content-Type", "application/x-www-form-urlencoded");
    }

    public static Api put(String path, String json) {
        return new Api("PUT", path).body(json);
    }

    public static Api patch(String path, String json) {
        return new Api("PATCH", path).body(json);
    }

    public static Api delete(String path) {
        return new Api("DELETE", path);
    }

    /** Sends to another server (e.g. the second server of the PostgreSQL run) instead of the test server. */
    public Api on(String baseUrl) {
        this.base = baseUrl;
        return this;
    }

    public Api bearer(String credential) {
        return header("Authorization", "Bearer " + credential);
    }

    public Api actingAs(String userId) {
        return header(USER_HEADER, userId);
    }

    public Api header(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    /** Sends the body without Content-Length (Transfer-Encoding: chunked), as a streaming client does. */
    public Api chunked() {
        this.chunked = true;
        return this;
    }

    private Api body(String json) {
        this.body = json;
        return header("Content-Type", "application/json");
    }

    public Answer send() {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : chunked
                                        ? HttpRequest.BodyPublishers.fromPublisher(
                                                HttpRequest.BodyPublishers.ofString(body))
                                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.size(); i += 2) {
            builder.header(headers.get(i), headers.get(i + 1));
        }
        try {
            return Answer.of(method + " " + path, CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
