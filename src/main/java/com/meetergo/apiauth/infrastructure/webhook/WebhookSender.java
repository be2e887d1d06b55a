package com.meetergo.apiauth.infrastructure.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one signed webhook: a POST of the body with the Standard Webhooks headers, signed by the format's reference
 * library with every secret that signs at the moment (two for a day after a rotation). 10 s to connect and 10 s of
 * silence end an attempt, and so does its deadline (the dispatcher's lane: 2 s in the fast lane, {@link #DEADLINE} in
 * the slow one), whatever the endpoint dripped until then; no redirect is followed; at most 64 KiB of the answer is
 * read; the connection goes only to an address {@link WebhookTargets} allowed.
 */
@ApplicationScoped
public class WebhookSender {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The longest an attempt lasts, however an endpoint drips its answer: connecting and the silence after. */
    public static final Duration DEADLINE = TIMEOUT.multipliedBy(2);

    public static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final int CONNECTIONS_PER_HOST = 8;

    /**
     * What an attempt came to: the status code if an answer came, how long it took, else what went wrong; {@code cut}
     * when its deadline ended it before a status code came.
     */
    public record Outcome(Integer statusCode, long durationMs, String error, boolean cut) {
        public Outcome(Integer statusCode, long durationMs, String error) {
            this(statusCode, durationMs, error, false);
        }

        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Inject
    @ConfigProperty(name = "apiauth.webhook.allow-private-targets", defaultValue = "false")
    boolean allowPrivateTargets;

    /** Cuts an attempt at its deadline (a task of microseconds; Liberty's default scheduled executor). */
    @Resource
    ManagedScheduledExecutorService deadlines;

    private WebhookTargets targets;
    private CloseableHttpClient client;
    private ScheduledExecutorService cutter;

    public WebhookSender() {
        // CDI: start() builds the client from the configured setting
    }

    /** A sender that resolves through these targets (a test's resolver: a DNS answer that changes). */
    WebhookSender(WebhookTargets targets, ScheduledExecutorService deadlines) {
        start(targets);
        this.cutter = deadlines;
    }

    @PostConstruct
    void start() {
        start(new WebhookTargets(allowPrivateTargets));
        cutter = deadlines;
    }

    private void start(WebhookTargets guard) {
        targets = guard;
        var timeout = Timeout.of(TIMEOUT);
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(targets)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout)
                        .setSocketTimeout(timeout)
                        .build())
                .setMaxConnTotal(200)
                .setMaxConnPerRoute(CONNECTIONS_PER_HOST)
                .build();
        client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("api-auth-webhooks/1")
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout)
                        .build())
                .build();
    }

    @PreDestroy
    void stop() {
        client.close(CloseMode.GRACEFUL);
    }

    /** The rules an endpoint's URL must meet (registration); the same rules hold on every connection. */
    public URI check(String url) throws WebhookTargets.RefusedTarget {
        return targets.check(url);
    }

    public Outcome send(String url, String messageId, Instant timestamp, String body, List<String> secrets) {
        return send(url, messageId, timestamp, body, secrets, DEADLINE);
    }

    /**
     * One attempt, ended at {@code deadline} at the latest (connecting, waiting for a pooled connection and reading
     * included).
     */
    public Outcome send(
            String url, String messageId, Instant timestamp, String body, List<String> secrets, Duration deadline) {
        long start = System.nanoTime();
        var cut = new AtomicBoolean();
        ScheduledFuture<?> cutting = null;
        try {
            var post = new HttpPost(targets.check(url));
            post.setHeader("webhook-id", messageId);
            post.setHeader("webhook-timestamp", Long.toString(timestamp.getEpochSecond()));
            post.setHeader("webhook-signature", signature(messageId, timestamp, body, secrets));
            post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
            cutting = cutter.schedule(
                    () -> {
                        cut.set(true);
                        post.cancel();
                    },
                    deadline.toMillis(),
                    TimeUnit.MILLISECONDS);
            var response = client.executeOpen(null, post, null);
            int code;
            try {
                code = response.getCode();
                readAtMost(post, response.getEntity(), start, deadline);
            } finally {
                closeQuietly(response);
            }
            return new Outcome(code, millisSince(start), code >= 200 && code < 300 ? null : "HTTP " + code);
        } catch (WebhookTargets.RefusedTarget e) {
            return new Outcome(null, millisSince(start), "target refused: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (cut.get()) {
                return new Outcome(null, millisSince(start), "no answer within " + deadline.toSeconds() + " s", true);
            }
            if (e instanceof SocketTimeoutException) {
                return new Outcome(null, millisSince(start), "timed out after " + TIMEOUT.toSeconds() + " s");
            }
            if (e instanceof HttpHostConnectException) {
                return new Outcome(null, millisSince(start), "connection refused");
            }
            return new Outcome(null, millisSince(start), e.getClass().getSimpleName());
        } finally {
            if (cutting != null) {
                cutting.cancel(false);
            }
        }
    }

    /**
     * Reads at most {@link #MAX_RESPONSE_BYTES} of the answer's body, until the attempt's deadline at the latest (a
     * body dripped a byte at a time holds no attempt for long): more, and the connection is cut, never drained (closing
     * a chunked stream would read it to its end, if it has one). The status code is the outcome; the body is only read
     * so that a well-behaved connection can be reused.
     */
    private static void readAtMost(HttpPost post, HttpEntity entity, long start, Duration deadline) {
        if (entity == null) {
            return;
        }
        try {
            var in = entity.getContent();
            var buffer = new byte[8192];
            long left = MAX_RESPONSE_BYTES;
            int read;
            while ((read = in.read(buffer, 0, (int) Math.min(buffer.length, left + 1))) != -1) {
                left -= read;
                if (left < 0 || System.nanoTime() - start > deadline.toNanos()) {
                    post.cancel();
                    return;
                }
            }
        } catch (IOException e) {
            post.cancel();
        }
    }

    private static void closeQuietly(Closeable response) {
        try {
            response.close();
        } catch (IOException e) {
            // a cut connection: nothing to release
        }
    }

    /** One {@code v1,<base64>} per secret, separated by spaces, as the format allows. */
    static String signature(String messageId, Instant timestamp, String body, List<String> secrets) {
        var signatures = new ArrayList<String>(secrets.size());
        for (var secret : secrets) {
            try {
                signatures.add(new Webhook(secret).sign(messageId, timestamp.getEpochSecond(), body));
            } catch (WebhookSigningException | com.standardwebhooks.exceptions.EmptyWebhookSecretException e) {
                throw new IllegalStateException("webhook signing failed", e);
            }
        }
        return String.join(" ", signatures);
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
