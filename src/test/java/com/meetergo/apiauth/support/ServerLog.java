package com.meetergo.apiauth.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * The test server's messages.log, read behind a flush barrier: Liberty itself writes a unique marker (the trace-state
 * message TRAS0018I of a harmless trace specification naming the marker), so that every line logged before the barrier
 * is in the file when the test reads it.
 */
public final class ServerLog {

    private static final Path SERVER = Path.of(System.getProperty("it.server.dir", "."));
    private static final Path MESSAGES = SERVER.resolve("logs/messages.log");
    private static final Path DROP_IN = SERVER.resolve("configDropins/overrides/zzz-log-barrier.xml");

    private ServerLog() {}

    /** How many characters messages.log holds now: where a later {@link #since(long)} starts. */
    public static long mark() {
        return read().length();
    }

    /** What was logged after {@code mark}, up to a barrier written now. */
    public static String since(long mark) {
        var marker = "logbarrier.m" + UUID.randomUUID().toString().replace("-", "");
        write("<server><logging traceSpecification=\"*=info:" + marker + "=info\"/></server>");
        String text = awaitContaining(marker, 0);
        int at = text.indexOf(marker);
        try {
            Files.delete(DROP_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the trace state goes back to the server's own; wait for that too, so that no change is left in flight
        awaitContaining("TRAS0018I", at + marker.length());
        return text.substring((int) Math.min(mark, at), at);
    }

    private static String awaitContaining(String what, int from) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            var text = read();
            if (text.indexOf(what, from) >= 0) {
                return text;
            }
            assertTrue(System.nanoTime() < deadline, "Liberty did not log " + what + " within 60 s");
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private static void write(String xml) {
        try {
            Files.writeString(DROP_IN, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read() {
        try {
            return Files.readString(MESSAGES, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
