package com.meetergo.apiauth.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;

/** An HTTP answer as a test sees it; its toString is what a failed assertion prints. */
public record Answer(String request, int status, String contentType, String body, HttpHeaders headers) {

    static Answer of(String request, HttpResponse<String> response) {
        return new Answer(
                request,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body(),
                response.headers());
    }

    public List<String> setCookies() {
        return headers.allValues("Set-Cookie");
    }

    /** Every value of the header {@code name} (case-insensitive), in the order sent. */
    public List<String> header(String name) {
        return headers.allValues(name);
    }

    public JsonValue json() {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    public JsonObject object() {
        return json().asJsonObject();
    }

    public JsonArray array() {
        return json().asJsonArray();
    }

    public String string(String field) {
        return object().getString(field);
    }

    @Override
    public String toString() {
        return request + " -> " + status + " [" + contentType + "] " + body;
    }
}
