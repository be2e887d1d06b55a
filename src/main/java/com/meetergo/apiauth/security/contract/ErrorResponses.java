package com.meetergo.apiauth.security.contract;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Where every error answer is made: JAX-RS mappers and the authentication mechanism alike. */
public final class ErrorResponses {

    private static final Jsonb JSON = JsonbBuilder.create();

    private ErrorResponses() {}

    public static Response of(ApiError error) {
        var builder = Response.status(error.statusCode())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error);
        if (error.statusCode() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    public static Response of(ContractError error) {
        return of(error.body());
    }

    public static Response of(int status, String message) {
        return of(ApiError.of(status, message));
    }

    /**
     * The header in which a gateway's check repeats its refusal's body: nginx's {@code auth_request} keeps a check's
     * headers but drops its body, so the shipped nginx configuration answers the client with this (docs/gateway.md).
     */
    public static final String REFUSAL_HEADER = "X-Api-Auth-Refusal";

    /** The body of an error answer, as every error answer writes it. */
    public static String json(ApiError body) {
        return JSON.toJson(body);
    }

    /** An error answer of a gateway's check: the body, and the same in {@link #REFUSAL_HEADER}. */
    public static void writeForGateway(HttpServletResponse response, ContractError error, long retryAfterSeconds)
            throws IOException {
        response.setHeader(REFUSAL_HEADER, json(error.body()));
        write(response, error, retryAfterSeconds);
    }

    /** For answers made before JAX-RS runs (the authentication mechanism). */
    public static void write(HttpServletResponse response, ContractError error) throws IOException {
        write(response, error, 0);
    }

    /** As {@link #write(HttpServletResponse, ContractError)}, with {@code Retry-After} when positive. */
    public static void write(HttpServletResponse response, ContractError error, long retryAfterSeconds)
            throws IOException {
        write(response, error.body(), retryAfterSeconds);
    }

    /** Any error of the API's shape, outside JAX-RS (the console pages' servlet). */
    public static void write(HttpServletResponse response, ApiError body) throws IOException {
        write(response, body, 0);
    }

    private static void write(HttpServletResponse response, ApiError body, long retryAfterSeconds) throws IOException {
        response.resetBuffer();
        if (retryAfterSeconds > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        response.setStatus(body.statusCode());
        // The same Content-Type as JAX-RS answers: JSON is UTF-8 by definition (RFC 8259).
        response.setContentType(MediaType.APPLICATION_JSON);
        if (body.statusCode() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        var bytes = json(body).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
