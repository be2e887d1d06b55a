package com.meetergo.apiauth.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * One more Liberty server on the PostgreSQL run's database, made from the second server's directory (same WAR,
 * database, pepper) with a port, timer table prefix and JVM options of its own; started and killed by the test, from
 * inside the test server. Used by the failover tests.
 */
public final class ExtraServer {

    private final Path servers;
    private final String name;
    private final int port;

    private ExtraServer(Path servers, String name, int port) {
        this.servers = servers;
        this.name = name;
        this.port = port;
    }

    /**
     * Lays the server out afresh (killing a leftover of a failed run first).
     *
     * @param serverDir the test server's directory; its siblings are the other servers
     */
    public static ExtraServer of(
            String serverDir, String name, int httpPort, int httpsPort, String timerPrefix, String... jvmOptions)
            throws IOException, InterruptedException {
        var servers = Path.of(serverDir).getParent();
        var server = new ExtraServer(servers, name, httpPort);
        server.kill();
        var second = servers.resolve("apiAuthSecondPg");
        var dir = servers.resolve(name);
        for (var leftover : new String[] {"workarea", "logs"}) {
            if (Files.exists(dir.resolve(leftover))) {
                try (Stream<Path> files = Files.walk(dir.resolve(leftover))) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
        // The second server may be running: its logs, workarea and secrets change under a walk (a
        // temporary file of its OSGi framework came and went mid-walk), so they are never entered.
        Files.walkFileTree(second, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path source, BasicFileAttributes attributes) throws IOException {
                var relative = second.relativize(source).toString();
                if (relative.equals("logs") || relative.equals("workarea") || relative.equals("secrets")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(dir.resolve(relative));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path source, BasicFileAttributes attributes) throws IOException {
                Files.copy(
                        source, dir.resolve(second.relativize(source).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
        Files.writeString(
                dir.resolve("bootstrap.properties"),
                Files.readString(second.resolve("bootstrap.properties"))
                        .replaceAll("(?m)^http\\.port=.*$", "http.port=" + httpPort)
                        .replaceAll("(?m)^https\\.port=.*$", "https.port=" + httpsPort)
                        .replaceAll("(?m)^timer\\.table\\.prefix=.*$", "timer.table.prefix=" + timerPrefix));
        Files.writeString(
                dir.resolve("jvm.options"),
                Files.readString(second.resolve("jvm.options")) + "\n" + String.join("\n", jvmOptions) + "\n");
        return server;
    }

    /** Appends bootstrap properties (server.xml variables) before the start. */
    public ExtraServer bootstrap(String... lines) throws IOException {
        var file = servers.resolve(name).resolve("bootstrap.properties");
        Files.writeString(file, Files.readString(file) + "\n" + String.join("\n", lines) + "\n");
        return this;
    }

    /** Starts the server and waits until /health/ready answers 200 (at most 3 minutes). */
    public ExtraServer start() throws IOException, InterruptedException {
        var wlp = servers.getParent().getParent();
        var process = new ProcessBuilder(wlp.resolve("bin/server").toString(), "start", name)
                .redirectErrorStream(true)
                .redirectOutput(servers.resolve(name).resolve("start.out").toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("server start " + name + " failed; see its start.out");
        }
        var client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                var answer = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notListeningYet) {
                // retry
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        throw new AssertionError(name + " did not become ready");
    }

    /** A clean stop ({@code server stop}): the applications stop as they would on an operator's stop. */
    public void stop() throws IOException, InterruptedException {
        var wlp = servers.getParent().getParent();
        var process = new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", name)
                .redirectErrorStream(true)
                .redirectOutput(servers.resolve(name).resolve("stop.out").toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("server stop " + name + " failed; see its stop.out");
        }
    }

    /** SIGKILL: no shutdown hook, no clean stop; nothing when it is not running. */
    public void kill() throws IOException, InterruptedException {
        var pidFile = servers.resolve(".pid").resolve(name + ".pid");
        if (Files.exists(pidFile)) {
            new ProcessBuilder("kill", "-9", Files.readString(pidFile).strip())
                    .start()
                    .waitFor();
            Files.deleteIfExists(pidFile);
        }
    }

    public String name() {
        return name;
    }
}
