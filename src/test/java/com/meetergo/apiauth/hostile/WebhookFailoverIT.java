package com.meetergo.apiauth.hostile;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ExtraServer;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import com.meetergo.apiauth.support.TestPorts;
import com.meetergo.apiauth.support.WebhookInbox;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two servers deliver one outbox (PostgreSQL run only: another server on the same database): 1,000 events to 3
 * endpoints, a receiver that takes 500 ms per delivery (so that both servers have deliveries in flight and most events
 * wait when all are queued), and the other server killed (SIGKILL) while they are. Every event arrives, verified; an
 * event that arrives twice (the killed server's attempt reached the receiver but not its record) arrives under the same
 * webhook-id; nothing else arrives.
 */
@EnabledIfSystemProperty(named = "db.kind", matches = "postgresql")
class WebhookFailoverIT extends InContainerTest {

    private static final int EVENTS = 1000;
    private static final String[] SETTINGS = {
        "apiauth.webhook.allow-private-targets=true", "apiauth.webhook.poll-interval=PT0.2S"
    };

    @Deployment
    public static WebArchive deployment() {
        return war(NO_SWEEP, "it.server.dir=" + System.getProperty("it.server.dir", ""), SETTINGS[0], SETTINGS[1])
                .addClass(WebhookInbox.class);
    }

    @Inject
    @ConfigProperty(name = "it.server.dir")
    String serverDir;

    @Resource(lookup = "jdbc/apiauth")
    DataSource database;

    /** Pending deliveries under a live claim, by the server that holds it. */
    private Map<String, Integer> claimsByServer() throws Exception {
        var claims = new HashMap<String, Integer>();
        try (var c = database.getConnection();
                var s = c.prepareStatement("select claimed_by, count(*) from webhook_delivery where status = 'PENDING'"
                        + " and claimed_until > current_timestamp group by claimed_by");
                var rs = s.executeQuery()) {
            while (rs.next()) {
                claims.put(rs.getString(1), rs.getInt(2));
            }
        }
        return claims;
    }

    /** One webhook.test event for the endpoint: its webhook-id. */
    private static String queue(Tenant tenant, String endpoint) {
        var answer = Api.post("/v4/webhook-endpoint/" + endpoint + "/test", "")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(answer, 202);
        return answer.string("messageId");
    }

    @Test
    void aServerKilledMidDeliveryLosesNoEvent() throws Exception {
        var other = ExtraServer.of(
                serverDir,
                "apiAuthWebhookKill",
                TestPorts.free(),
                TestPorts.free(),
                "EJBTIMERW_",
                "-Dapiauth.webhook.allow-private-targets=true",
                "-Dapiauth.webhook.poll-interval=PT0.2S");
        var tenant = Tenant.create();
        var endpoints = new ArrayList<String>();
        for (int i = 1; i <= 3; i++) {
            var created = Api.post(
                            "/v4/webhook-endpoint",
                            "{\"url\": \"" + WebhookInbox.url() + "?endpoint=" + i
                                    + "\", \"events\": [\"credential.revoked\"]}")
                    .bearer(tenant.ownerToken())
                    .send();
            assertStatus(created, 201);
            WebhookInbox.trust(created.string("secret"));
            endpoints.add(created.string("id"));
        }
        WebhookInbox.answerAfter(Duration.ofMillis(500));
        try {
            other.start();
            // a third queued while both servers poll; the other server killed while both hold deliveries;
            // the rest queued after it, for this server alone
            var queued = new HashSet<String>();
            for (int i = 0; i < EVENTS / 3; i++) {
                queued.add(queue(tenant, endpoints.get(i % 3)));
            }
            Map<String, Integer> claims;
            var deadline = Instant.now().plusSeconds(60);
            do {
                claims = claimsByServer();
                assertTrue(Instant.now().isBefore(deadline), "both servers never held deliveries at once: " + claims);
            } while (claims.size() < 2);
            int before = WebhookInbox.received().size();
            other.kill();
            System.out.println("webhooks: other server killed holding claims " + claims + "; " + before + " of "
                    + EVENTS + " events received before");
            for (int i = EVENTS / 3; i < EVENTS; i++) {
                queued.add(queue(tenant, endpoints.get(i % 3)));
            }

            // its claims run out (60 s) and this server sends them again
            var end = Instant.now().plusSeconds(180);
            while (!WebhookInbox.received().stream()
                            .map(WebhookInbox.Delivery::id)
                            .collect(Collectors.toSet())
                            .containsAll(queued)
                    && Instant.now().isBefore(end)) {
                Thread.sleep(250);
            }
            var received = WebhookInbox.received();
            assertEquals(
                    List.of(),
                    received.stream().filter(d -> !queued.contains(d.id())).toList(),
                    "nothing but the queued events");
            var ids = received.stream().map(WebhookInbox.Delivery::id).collect(Collectors.toSet());
            assertEquals(queued, ids, "every event arrives");
            assertTrue(received.stream().allMatch(WebhookInbox.Delivery::verified), "every delivery verifies");
            var byId = received.stream().collect(Collectors.groupingBy(WebhookInbox.Delivery::id));
            long twice = byId.values().stream().filter(l -> l.size() > 1).count();
            for (var same : byId.values()) {
                assertEquals(
                        1,
                        same.stream()
                                .map(WebhookInbox.Delivery::target)
                                .distinct()
                                .count(),
                        "a webhook-id goes to one endpoint only: " + same);
            }
            System.out.println("webhooks: " + EVENTS + " events, " + received.size() + " deliveries received, " + twice
                    + " events twice (under the same webhook-id)");

        } finally {
            WebhookInbox.answerAfter(Duration.ZERO);
            other.kill();
        }
    }
}
