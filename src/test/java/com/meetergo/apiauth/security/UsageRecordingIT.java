package com.meetergo.apiauth.security;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.MutableClock;
import com.meetergo.apiauth.support.Tenant;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Last use is recorded at most once a minute per credential; impersonation once per key, user and hour. */
class UsageRecordingIT extends InContainerTest {

    @Deployment
    public static WebArchive deployment() {
        return warWithTestClock(NO_SWEEP);
    }

    @Inject
    MutableClock clock;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    private static JsonObject listedKey(Tenant tenant, String id) {
        return Api.get("/v4/api-key").bearer(tenant.ownerToken()).send().array().stream()
                .map(v -> v.asJsonObject())
                .filter(o -> o.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void requestsInsideTheWindowWriteLastUseOnce() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var id = key.split(":")[1];
        var t0 = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

        clock.setTo(t0);
        assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);
        assertEquals(t0.toString(), listedKey(tenant, id).getString("lastUsedAt"));
        assertEquals("127.0.0.1", listedKey(tenant, id).getString("lastUsedIp"));
        for (int s = 1; s <= 59; s += 7) {
            clock.setTo(t0.plusSeconds(s));
            assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);
        }
        assertEquals(t0.toString(), listedKey(tenant, id).getString("lastUsedAt"));

        clock.setTo(t0.plusSeconds(61));
        assertStatus(Api.get("/v4/user/me").bearer(key).send(), 200);
        assertEquals(t0.plusSeconds(61).toString(), listedKey(tenant, id).getString("lastUsedAt"));
    }

    @Test
    void impersonationIsOneEventPerKeyUserAndHour() {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var key = tenant.apiKey();
        var id = key.split(":")[1];
        var hour = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);

        for (int m = 0; m < 60; m += 10) {
            clock.setTo(hour.plus(Duration.ofMinutes(m)));
            assertStatus(
                    Api.get("/v4/meeting-type").bearer(key).actingAs(member).send(), 200);
        }
        var events = Api.get("/v4/audit-event?type=impersonation&credentialId=" + id)
                .bearer(tenant.ownerToken())
                .send();
        assertEquals(1, events.array().size(), events::toString);
        assertEquals(member, events.array().getJsonObject(0).getString("subjectUserId"));

        clock.setTo(hour.plus(Duration.ofMinutes(61)));
        assertStatus(Api.get("/v4/meeting-type").bearer(key).actingAs(member).send(), 200);
        assertStatus(
                Api.get("/v4/meeting-type")
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                200);
        assertEquals(
                3,
                Api.get("/v4/audit-event?type=impersonation&credentialId=" + id)
                        .bearer(tenant.ownerToken())
                        .send()
                        .array()
                        .size());
    }
}
