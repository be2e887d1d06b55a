package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.application.CredentialSweep;
import com.meetergo.apiauth.application.SourceLedger;
import com.meetergo.apiauth.application.UsageLedger;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.MutableClock;
import com.meetergo.apiauth.support.RawHttp;
import com.meetergo.apiauth.support.Tenant;
import com.meetergo.apiauth.support.WebhookInbox;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The events the server raises itself — expiry warnings (7 days and 1 day ahead), expiry, a new network — delivered
 * with their whole bodies to a receiver that verifies every signature ({@link WebhookInbox}, in the test server). The
 * sweep is called, not waited for; a key is made due by moving its expiry; days of use are moved with the test clock
 * (WebhooksIT has the events that callers cause).
 */
class WebhookEventsIT extends InContainerTest {

    @Deployment
    public static WebArchive deployment() {
        return warWithTestClock(
                        NO_SWEEP,
                        "apiauth.usage.flush-interval=PT1H",
                        "apiauth.webhook.allow-private-targets=true",
                        "apiauth.webhook.poll-interval=PT0.2S")
                .addClasses(RawHttp.class, WebhookInbox.class);
    }

    @Inject
    CredentialSweep sweep;

    @Inject
    MutableClock clock;

    @Inject
    UsageLedger usage;

    @Inject
    SourceLedger sources;

    @Resource(lookup = "jdbc/apiauth")
    DataSource database;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    private static String subscribe(Tenant tenant, String events) {
        var created = Api.post(
                        "/v4/webhook-endpoint", "{\"url\": \"" + WebhookInbox.url() + "\", \"events\": " + events + "}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(created, 201);
        WebhookInbox.trust(created.string("secret"));
        return created.string("id");
    }

    private void expiresAt(String keyId, Instant at) throws SQLException {
        try (var c = database.getConnection();
                var s = c.prepareStatement("update api_key set expires_at = ? where id = ?")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, keyId);
            assertEquals(1, s.executeUpdate());
        }
    }

    /** The {@code nth} delivery (1 = the first) of this event type about this credential, waited for. */
    private static WebhookInbox.Delivery awaitEvent(String type, String credentialId, int nth) {
        var deadline = Instant.now().plusSeconds(20);
        while (true) {
            var matching = WebhookInbox.received().stream()
                    .filter(d ->
                            d.type().equals(type) && d.data().getString("id").equals(credentialId))
                    .toList();
            if (matching.size() >= nth) {
                return matching.get(nth - 1);
            }
            assertTrue(
                    Instant.now().isBefore(deadline),
                    "no " + type + " #" + nth + " within 20 s: " + WebhookInbox.received());
            WebhookInbox.quiet(Duration.ofMillis(50));
        }
    }

    @Test
    void expiryIsAnnouncedAWeekAndADayAheadAndWhenItHappens() throws SQLException {
        var tenant = Tenant.create();
        subscribe(tenant, "[\"credential.expiring_soon\", \"credential.expired\"]");
        var created = Api.post("/v4/api-key", "{\"name\": \"ending\", \"expiresInDays\": 30}")
                .bearer(tenant.ownerToken())
                .send();
        var id = created.string("id");
        var hint = Api.get("/v4/api-key")
                .bearer(tenant.ownerToken())
                .send()
                .array()
                .getJsonObject(0)
                .getString("hint");

        var inSixDays = Instant.now().plus(Duration.ofDays(6)).truncatedTo(ChronoUnit.SECONDS);
        expiresAt(id, inSixDays);
        sweep.run();
        var week = awaitEvent("credential.expiring_soon", id, 1);
        assertEquals(
                Json.createObjectBuilder()
                        .add("id", id)
                        .add("type", "API_KEY")
                        .add("name", "ending")
                        .add("hint", hint)
                        .add("companyId", tenant.companyId())
                        .add("expiresAt", inSixDays.toString())
                        .add("expiresWithin", "P7D")
                        .build(),
                week.data(),
                week::toString);

        var inTwentyHours = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS);
        expiresAt(id, inTwentyHours);
        sweep.run();
        var day = awaitEvent("credential.expiring_soon", id, 2);
        assertEquals("P1D", day.data().getString("expiresWithin"), day::toString);
        assertEquals(inTwentyHours.toString(), day.data().getString("expiresAt"));

        var past = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        expiresAt(id, past);
        sweep.run();
        var expired = awaitEvent("credential.expired", id, 1);
        assertEquals(
                Json.createObjectBuilder()
                        .add("id", id)
                        .add("type", "API_KEY")
                        .add("name", "ending")
                        .add("hint", hint)
                        .add("companyId", tenant.companyId())
                        .add("expiresAt", past.toString())
                        .build(),
                expired.data(),
                expired::toString);
        for (var d : List.of(week, day, expired)) {
            assertTrue(d.verified(), d::toString);
            assertEquals(Set.of("type", "timestamp", "data"), d.json().keySet());
        }
        sweep.run();
        WebhookInbox.quiet(Duration.ofSeconds(1));
        assertEquals(2, countOf("credential.expiring_soon", id), "each warning once");
    }

    private static long countOf(String type, String credentialId) {
        return WebhookInbox.received().stream()
                .filter(d -> d.type().equals(type) && d.data().getString("id").equals(credentialId))
                .count();
    }

    @Test
    void aNewNetworkIsAnnouncedWithItsAddress() throws IOException {
        var tenant = Tenant.create();
        subscribe(tenant, "[\"credential.new_source\"]");
        var created = Api.post("/v4/personal-access-token", "{\"name\": \"roaming\"}")
                .bearer(tenant.ownerToken())
                .send();
        var token = created.string("token");
        var id = created.string("id");
        var day1 = Instant.now()
                .plus(Duration.ofDays(2))
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofHours(9));
        clock.setTo(day1);
        use(token, "127.0.0.1");
        flush();
        var day2 = day1.plus(Duration.ofDays(1));
        clock.setTo(day2);
        use(token, "127.0.3.4");
        flush();
        // the delivery is due at the event's time: the clock stays on day 2 until it is sent
        var event = awaitEvent("credential.new_source", id, 1);
        // signed by the endpoint's secret; not "verified", whose 5 minutes of tolerance count from the
        // real time, while this attempt's webhook-timestamp is the test clock's day 2
        assertTrue(event.signed(), event::toString);
        assertEquals(day2.toString(), event.json().getString("timestamp"));
        var data = event.data();
        var expected = Json.createObjectBuilder()
                .add("id", id)
                .add("type", "PERSONAL_ACCESS_TOKEN")
                .add("name", "roaming")
                .add("hint", data.getString("hint"))
                .add("companyId", tenant.companyId())
                .add("userId", tenant.ownerId());
        if (!created.object().isNull("expiresAt")) {
            expected.add("expiresAt", Instant.parse(created.string("expiresAt")).toString());
        }
        assertEquals(
                expected.add("sourceIp", "127.0.3.4")
                        .add("network", "127.0.3.0/24")
                        .build(),
                data,
                event::toString);
        assertTrue(token.startsWith(data.getString("hint").replace("…", "")), "the hint, never the token");
    }

    private void flush() {
        usage.flush();
        sources.flush();
    }

    private static void use(String token, String from) throws IOException {
        var reply = RawHttp.send(from, "GET", "/v4/user/me", null, "Authorization: Bearer " + token);
        assertEquals(200, reply.status(), reply::toString);
    }
}
