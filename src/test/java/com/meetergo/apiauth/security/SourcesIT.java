package com.meetergo.apiauth.security;

import static com.meetergo.apiauth.support.ApiAssertions.assertError;
import static com.meetergo.apiauth.support.ApiAssertions.assertForbidden;
import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.application.SourceLedger;
import com.meetergo.apiauth.application.UsageLedger;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.MutableClock;
import com.meetergo.apiauth.support.RawHttp;
import com.meetergo.apiauth.support.Tenant;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The networks a credential is used from: counted per /24 (IPv4; this machine's whole 127/8 is its loopback, so
 * 127.0.N.1 are clients of different networks) and /48 (IPv6), exact after a flush; a network new after the
 * credential's first day of use, or back after 30 days, audited once as credential.new_source; bounded per credential
 * (4 here). Days are moved with the test clock; the flushes are called, not waited for.
 */
class SourcesIT extends InContainerTest {

    @Deployment
    public static WebArchive deployment() {
        return warWithTestClock(NO_SWEEP, "apiauth.usage.flush-interval=PT1H", "apiauth.sources.max-per-credential=4")
                .addClass(RawHttp.class);
    }

    @Inject
    MutableClock clock;

    @Inject
    UsageLedger usage;

    @Inject
    SourceLedger sources;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    private void flush() {
        usage.flush();
        sources.flush();
    }

    private static void use(String credential, String from, int times, String... extra) throws IOException {
        var headers = new String[extra.length + 1];
        headers[0] = "Authorization: Bearer " + credential;
        System.arraycopy(extra, 0, headers, 1, extra.length);
        for (int i = 0; i < times; i++) {
            var reply = RawHttp.send(from, "GET", "/v4/user/me", null, headers);
            assertEquals(200, reply.status(), reply::toString);
        }
    }

    private static JsonObject source(String network, Instant first, Instant last, long requests) {
        return Json.createObjectBuilder()
                .add("network", network)
                .add("firstSeen", first.toString())
                .add("lastSeen", last.toString())
                .add("requests", requests)
                .build();
    }

    private static void assertSources(String path, String id, String owner, JsonObject... expected) {
        var answer = Api.get(path + id + "/sources").bearer(owner).send();
        assertStatus(answer, 200);
        var list = Json.createArrayBuilder();
        for (var e : expected) {
            list.add(e);
        }
        assertEquals(
                Json.createObjectBuilder()
                        .add("credentialId", id)
                        .add("sources", list)
                        .build(),
                answer.json(),
                answer::toString);
    }

    private static JsonArray newSourceEvents(Tenant tenant, String id) {
        var answer = Api.get("/v4/audit-event?type=credential.new_source&credentialId=" + id)
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(answer, 200);
        return answer.array();
    }

    private static void assertNewSource(JsonObject event, String id, String address, String network, Instant at) {
        assertEquals("credential.new_source", event.getString("type"), event::toString);
        assertEquals("PERSONAL_ACCESS_TOKEN", event.getString("credentialType"));
        assertEquals(id, event.getString("credentialId"));
        var recorded = event.getString("sourceIp");
        // the container writes the IPv6 loopback in full
        assertEquals(address, address.equals("::1") && recorded.equals("0:0:0:0:0:0:0:1") ? "::1" : recorded);
        assertEquals("network " + network, event.getString("detail"));
        assertEquals(at.toString(), event.getString("occurredAt"));
    }

    @Test
    void networksAreCountedAndANewOneAfterTheFirstDayIsAuditedOnce() throws IOException {
        var tenant = Tenant.create();
        var created = Api.post("/v4/personal-access-token", "{\"name\": \"watched\"}")
                .bearer(tenant.ownerToken())
                .send();
        var token = created.string("token");
        var id = created.string("id");
        var path = "/v4/personal-access-token/";
        var day1 = Instant.now()
                .plus(Duration.ofDays(3))
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofHours(10));

        clock.setTo(day1);
        use(token, "127.0.0.1", 3);
        use(token, "127.0.0.9", 1);
        use(token, "::1", 2);
        // a forwarded address from an untrusted peer forges no network
        use(token, "127.0.0.1", 1, "X-Forwarded-For: 198.51.100.7", "Forwarded: for=198.51.100.8");
        // a refused request is no use of the network it came from
        var refused = RawHttp.send(
                "127.0.5.5",
                "GET",
                "/v4/user/me",
                null,
                "Authorization: Bearer " + token,
                "x-meetergo-api-user-id: " + tenant.ownerId() + "x");
        assertEquals(403, refused.status(), refused::toString);
        flush();
        assertSources(
                path, id, tenant.ownerToken(), source("127.0.0.0/24", day1, day1, 5), source("::/48", day1, day1, 2));
        assertEquals(0, newSourceEvents(tenant, id).size(), "the first day's networks are not new");

        var day2 = day1.plus(Duration.ofDays(1));
        clock.setTo(day2);
        use(token, "127.0.0.1", 1);
        use(token, "127.0.1.5", 2);
        flush();
        clock.setTo(day2.plus(Duration.ofHours(1)));
        use(token, "127.0.1.7", 1);
        flush();
        var events = newSourceEvents(tenant, id);
        assertEquals(1, events.size(), events::toString);
        assertNewSource(events.getJsonObject(0), id, "127.0.1.5", "127.0.1.0/24", day2);
        assertSources(
                path,
                id,
                tenant.ownerToken(),
                source("127.0.1.0/24", day2, day2.plus(Duration.ofHours(1)), 3),
                source("127.0.0.0/24", day1, day2, 6),
                source("::/48", day1, day1, 2));

        // within 30 days a network is not new again; after 30 days without it, it is (once)
        var day22 = day2.plus(Duration.ofDays(20));
        clock.setTo(day22);
        use(token, "::1", 1);
        flush();
        assertEquals(1, newSourceEvents(tenant, id).size());
        var day53 = day22.plus(Duration.ofDays(31));
        clock.setTo(day53);
        use(token, "127.0.1.9", 2);
        use(token, "::1", 1);
        flush();
        flush();
        events = newSourceEvents(tenant, id);
        assertEquals(3, events.size(), events::toString);
        // newest first; the two of one flush in either order
        var byNetwork = events.stream()
                .map(v -> v.asJsonObject())
                .filter(e -> !e.getString("occurredAt").equals(day2.toString()))
                .sorted((a, b) -> a.getString("detail").compareTo(b.getString("detail")))
                .toList();
        assertNewSource(byNetwork.get(0), id, "127.0.1.9", "127.0.1.0/24", day53);
        assertNewSource(byNetwork.get(1), id, "::1", "::/48", day53);
        assertSources(
                path,
                id,
                tenant.ownerToken(),
                source("127.0.1.0/24", day2, day53, 5),
                source("::/48", day1, day53, 4),
                source("127.0.0.0/24", day1, day2, 6));
    }

    @Test
    void atMostTheConfiguredNetworksAreKeptTheLeastRecentlySeenLeaveFirst() throws IOException {
        var tenant = Tenant.create();
        var created = Api.post("/v4/api-key", "{\"expiresInDays\": 30}")
                .bearer(tenant.ownerToken())
                .send();
        var key = created.string("key");
        var id = created.string("id");
        var t0 = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 1; i <= 6; i++) {
            clock.setTo(t0.plus(Duration.ofMinutes(i)));
            use(key, "127.0." + (10 + i) + ".1", i, "x-meetergo-api-user-id: " + tenant.ownerId());
            flush();
        }
        var expected = new JsonObject[4];
        for (int i = 6, at = 0; i >= 3; i--, at++) {
            var when = t0.plus(Duration.ofMinutes(i));
            expected[at] = source("127.0." + (10 + i) + ".0/24", when, when, i);
        }
        assertSources("/v4/api-key/", id, tenant.ownerToken(), expected);
    }

    @Test
    void onlyTheListsCallersMayAskAndAnotherCompanyCannot() {
        var tenant = Tenant.create();
        var keyId = Api.post("/v4/api-key", "{\"expiresInDays\": 1}")
                .bearer(tenant.ownerToken())
                .send()
                .string("id");
        var member = tenant.user("MEMBER");
        var memberToken = tenant.tokenOf(member);
        var memberTokenId = Api.get("/v4/personal-access-token")
                .bearer(memberToken)
                .send()
                .array()
                .getJsonObject(0)
                .getString("id");
        assertForbidden(
                Api.get("/v4/api-key/" + keyId + "/sources").bearer(memberToken).send());
        assertStatus(
                Api.get("/v4/personal-access-token/" + memberTokenId + "/sources")
                        .bearer(memberToken)
                        .send(),
                200);
        // a PAT's sources are its owner's to see, as its list is
        assertError(
                Api.get("/v4/personal-access-token/" + memberTokenId + "/sources")
                        .bearer(tenant.ownerToken())
                        .send(),
                404,
                "Not Found",
                "Personal access token not found");
        var attacker = Tenant.create();
        assertError(
                Api.get("/v4/api-key/" + keyId + "/sources")
                        .bearer(attacker.ownerToken())
                        .send(),
                404,
                "Not Found",
                "API key not found");
        var narrow = Api.post("/v4/api-key", "{\"expiresInDays\": 1, \"scopes\": [\"users:read\"]}")
                .bearer(tenant.ownerToken())
                .send()
                .string("key");
        assertError(
                Api.get("/v4/api-key/" + keyId + "/sources")
                        .bearer(narrow)
                        .actingAs(tenant.ownerId())
                        .send(),
                403,
                "Forbidden",
                "Insufficient scope: this endpoint requires 'credentials:read'");
        assertSources("/v4/api-key/", keyId, tenant.ownerToken());
    }
}
