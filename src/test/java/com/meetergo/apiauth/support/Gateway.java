package com.meetergo.apiauth.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real gateway (nginx or Caddy) started exactly as an operator starts it: {@code gateway/run nginx|caddy} with
 * {@code LISTEN_PORT}, {@code API_AUTH_URL} and {@code UPSTREAM_URL}, the shipped configuration, installed with apt-get
 * when missing.
 */
public final class Gateway implements AutoCloseable {

    private final String kind;
    private final Process process;
    private final Path dir;
    private final int port;

    private Gateway(String kind, Process process, Path dir, int port) {
        this.kind = kind;
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    public static Gateway start(String kind, String apiAuthUrl, String upstreamUrl) throws IOException {
        var dir = Files.createTempDirectory("gateway-" + kind);
        int port = TestPorts.free();
        var builder = new ProcessBuilder(Path.of("gateway/run").toAbsolutePath().toString(), kind)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("gateway.log").toFile());
        var env = builder.environment();
        env.put("LISTEN_PORT", String.valueOf(port));
        env.put("API_AUTH_URL", apiAuthUrl);
        env.put("UPSTREAM_URL", upstreamUrl);
        env.put("GATEWAY_DIR", dir.resolve("run").toString());
        var gateway = new Gateway(kind, builder.start(), dir, port);
        gateway.awaitListening();
        return gateway;
    }

    /** In front of this test server. */
    public static Gateway start(String kind, String upstreamUrl) throws IOException {
        return start(kind, "http://127.0.0.1:" + TestPorts.http(), upstreamUrl);
    }

    public int port() {
        return port;
    }

    /** A request from {@code fromAddress} (a loopback address of the client's) to the gateway. */
    public RawHttp.Reply send(String fromAddress, String method, String path, String body, String... headerLines)
            throws IOException {
        return RawHttp.sendTo(fromAddress, "127.0.0.1", port, method, path, body, headerLines);
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180); // an apt-get install included
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(kind + " exited: " + log());
            }
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(kind + " never listened on " + port + ": " + log());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("gateway.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
