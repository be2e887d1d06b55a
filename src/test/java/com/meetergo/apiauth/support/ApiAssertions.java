package com.meetergo.apiauth.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;

/** Assertions that read like the contract: every one compares the whole answer. */
public final class ApiAssertions {

    private ApiAssertions() {}

    /** Status, {@code Content-Type: application/json} and exactly {@code {statusCode, message, error}}. */
    public static void assertError(Answer answer, int status, String error, String message) {
        var expected = Json.createObjectBuilder()
                .add("statusCode", status)
                .add("message", message)
                .add("error", error)
                .build();
        assertEquals(status, answer.status(), answer::toString);
        assertEquals("application/json", answer.contentType(), answer::toString);
        assertEquals(expected, answer.json(), answer::toString);
    }

    public static void assertUnauthorized(Answer answer, String message) {
        assertError(answer, 401, "Unauthorized", message);
    }

    public static void assertInvalidCredential(Answer answer) {
        assertUnauthorized(answer, "Invalid API key");
    }

    public static void assertForbidden(Answer answer) {
        assertError(answer, 403, "Forbidden", "Forbidden resource");
    }

    public static void assertBadRequest(Answer answer, String message) {
        assertError(answer, 400, "Bad Request", message);
    }

    public static void assertStatus(Answer answer, int status) {
        assertEquals(status, answer.status(), answer::toString);
        if (answer.body() != null && !answer.body().isEmpty()) {
            assertEquals("application/json", answer.contentType(), answer::toString);
        }
    }

    /**
     * Sends {@code request} until it is answered {@code status}; returns how many milliseconds after the first attempt
     * the answering request was sent. Fails when a request sent a second or more after the first attempt (the bound for
     * a change to reach another server) still got another answer: the bound is on when the change arrived, not on how
     * long a slow machine takes to answer.
     */
    public static long millisUntilStatus(Supplier<Answer> request, int status) {
        long start = System.nanoTime();
        while (true) {
            long sent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            var answer = request.get();
            if (answer.status() == status) {
                return sent;
            }
            Assertions.assertTrue(
                    sent < 1000, () -> "still " + answer + " for a request sent " + sent + " ms after the first");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
