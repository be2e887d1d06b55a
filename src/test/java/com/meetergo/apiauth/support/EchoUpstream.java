package com.meetergo.apiauth.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The service behind the gateway in the gateway tests: {@code gateway/echo-upstream}, a small Python server (not Java)
 * that answers with the headers it received and logs every request it got.
 */
public final class EchoUpstream implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private EchoUpstream(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static EchoUpstream start() throws IOException {
        var dir = Files.createTempDirectory("echo-upstream");
        int port = TestPorts.free();
        var builder = new ProcessBuilder(
                        Path.of("gateway/echo-upstream").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("echo.out").toFile());
        builder.environment().put("ECHO_PORT", String.valueOf(port));
        builder.environment().put("ECHO_LOG", dir.resolve("requests.jsonl").toString());
        var echo = new EchoUpstream(builder.start(), dir.resolve("requests.jsonl"), port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return echo;
            } catch (IOException notYet) {
                if (!echo.process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the echo upstream did not start: " + Files.readString(dir.resolve("echo.out")));
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Every request the upstream received so far: {@code {method, path, headers: [[name, value], …]}}. */
    public List<JsonObject> requests() throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log).stream()
                .filter(l -> !l.isBlank())
                .map(l -> Json.createReader(new StringReader(l)).readObject())
                .toList();
    }

    /** The values of one header in a request the upstream received (names compared case-insensitively). */
    public static List<String> header(JsonObject request, String name) {
        return request.getJsonArray("headers").stream()
                .map(v -> v.asJsonArray())
                .filter(pair -> pair.getString(0).equalsIgnoreCase(name))
                .map(pair -> pair.getString(1))
                .toList();
    }

    @Override
    public void close() {
        process.destroy();
    }
}
