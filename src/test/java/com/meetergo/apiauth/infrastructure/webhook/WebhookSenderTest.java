package com.meetergo.apiauth.infrastructure.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding against the real sender: Apache HttpClient, a real socket on the loopback, and a name whose answers the
 * test chooses (the one seam: {@link WebhookTargets.Lookup}, in production {@code InetAddress.getAllByName}). The
 * attacker's name answers a public address and then the loopback — between registration and the delivery, or between
 * the delivery's check of the URL and its connection. Either way the listening socket is never connected to, and the
 * attempt is recorded as refused. The control: the same socket, reached when private targets are allowed.
 */
class WebhookSenderTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String PUBLIC = "93.184.216.34";
    private static final String REFUSED = "target refused: " + WebhookTargets.NOT_PUBLIC;

    /** The name's answers, one per lookup, the last repeated; counts the lookups. */
    private static WebhookTargets.Lookup answers(AtomicInteger lookups, String... addresses) {
        return host -> {
            int n = Math.min(lookups.getAndIncrement(), addresses.length - 1);
            return new InetAddress[] {
                InetAddress.getByAddress(
                        host, InetAddress.getByName(addresses[n]).getAddress())
            };
        };
    }

    /** Cuts attempts at their deadline, as Liberty's default scheduled executor does in the server. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    /** The sender under test; its connection pool is closed after each test. */
    private WebhookSender sender;

    @AfterEach
    void stopSender() {
        if (sender != null) {
            sender.stop();
        }
    }

    private static ServerSocket loopbackListener() throws Exception {
        return new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    }

    private static void assertNothingConnected(ServerSocket listener) throws Exception {
        listener.setSoTimeout(300); // a connection made would be waiting in the backlog already
        assertThrows(SocketTimeoutException.class, listener::accept, "the sender connected to the loopback");
    }

    @Test
    void aNameThatTurnsPrivateBetweenTheCheckAndTheConnectionReachesNothing() throws Exception {
        try (var listener = loopbackListener()) {
            var lookups = new AtomicInteger();
            sender = new WebhookSender(new WebhookTargets(false, answers(lookups, PUBLIC, "127.0.0.1")), DEADLINES);
            var outcome = sender.send(
                    "https://hooks.attacker.example:" + listener.getLocalPort() + "/x",
                    "msg_1",
                    Instant.now(),
                    "{}",
                    List.of(SECRET));
            assertNull(outcome.statusCode(), outcome::toString);
            assertEquals(REFUSED, outcome.error());
            assertEquals(2, lookups.get(), "the URL's check, then the connection's own lookup");
            assertNothingConnected(listener);
        }
    }

    @Test
    void aNameThatTurnedPrivateAfterRegistrationReachesNothing() throws Exception {
        try (var listener = loopbackListener()) {
            var lookups = new AtomicInteger();
            sender = new WebhookSender(new WebhookTargets(false, answers(lookups, PUBLIC, "127.0.0.1")), DEADLINES);
            var url = "https://hooks.attacker.example:" + listener.getLocalPort() + "/x";
            assertEquals(url, sender.check(url).toString(), "registration: the name answered a public address");
            for (var attempt : List.of(1, 2)) {
                var outcome = sender.send(url, "msg_" + attempt, Instant.now(), "{}", List.of(SECRET));
                assertEquals(REFUSED, outcome.error(), "attempt " + attempt);
            }
            assertNothingConnected(listener);
        }
    }

    /** The control: were the guard not there, the same name would reach the same socket. */
    @Test
    void withPrivateTargetsAllowedTheSameNameReachesTheSocket() throws Exception {
        try (var listener = loopbackListener()) {
            sender = new WebhookSender(new WebhookTargets(true, answers(new AtomicInteger(), "127.0.0.1")), DEADLINES);
            var sent = CompletableFuture.supplyAsync(() -> sender.send(
                    "https://hooks.attacker.example:" + listener.getLocalPort() + "/x",
                    "msg_1",
                    Instant.now(),
                    "{}",
                    List.of(SECRET)));
            listener.setSoTimeout(5_000);
            try (var connection = listener.accept()) {
                assertNotNull(connection);
            }
            var outcome = sent.get(15, TimeUnit.SECONDS); // the TLS handshake met a closed socket
            assertNull(outcome.statusCode(), outcome::toString);
        }
    }

    /**
     * An endpoint that drips its status line a byte every 300 ms never meets the 10 s of silence; the attempt's
     * deadline ends it all the same (the fast lane's 2 s; 1 s here), and says it was cut.
     */
    @Test
    void aDrippedAnswerIsCutAtTheDeadline() throws Exception {
        try (var listener = loopbackListener()) {
            var dripper = new Thread(() -> {
                try (var connection = listener.accept();
                        var out = connection.getOutputStream()) {
                    for (var b : "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes()) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(300);
                    }
                } catch (Exception cut) {
                    // the sender cut the connection
                }
            });
            dripper.setDaemon(true);
            dripper.start();
            sender = new WebhookSender(new WebhookTargets(true, answers(new AtomicInteger(), "127.0.0.1")), DEADLINES);
            var outcome = sender.send(
                    "http://127.0.0.1:" + listener.getLocalPort() + "/x",
                    "msg_1",
                    Instant.now(),
                    "{}",
                    List.of(SECRET),
                    Duration.ofSeconds(1));
            assertNull(outcome.statusCode(), outcome::toString);
            assertTrue(outcome.cut(), outcome::toString);
            assertEquals("no answer within 1 s", outcome.error());
            assertTrue(outcome.durationMs() >= 1_000 && outcome.durationMs() < 2_000, outcome::toString);
        }
    }
}
