package com.meetergo.apiauth.contract;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiAssertions;
import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Prometheus;
import com.meetergo.apiauth.support.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /metrics in Prometheus format counts each outcome of the authentication step, by credential type. */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war(
                ApiTest.NO_ADDRESS_THROTTLE,
                "apiauth.metrics.gauge-refresh=PT0.5S",
                "apiauth.metrics.per-company-limit=1000000");
    }

    private static String scrape() {
        return Prometheus.scrape();
    }

    /** "type/outcome" to count, of apiauth_authentications_total. */
    private static Map<String, Long> counts(String text) {
        return counts(text, "apiauth_authentications_total");
    }

    /** "type/outcome" to count, of the counter {@code metric}. */
    private static Map<String, Long> counts(String text, String metric) {
        var counts = new HashMap<String, Long>();
        for (var series : Prometheus.series(text, metric)) {
            counts.put(series.label("type") + "/" + series.label("outcome"), series.count());
        }
        return counts;
    }

    private static Map<String, Long> delta(Map<String, Long> was, Map<String, Long> now) {
        var delta = new HashMap<String, Long>();
        now.forEach((k, v) -> {
            long d = v - was.getOrDefault(k, 0L);
            if (d != 0) {
                delta.put(k, d);
            }
        });
        return delta;
    }

    @Test
    void countsPlanRefusalsAndMissingScopes() {
        var tenant = Tenant.create();
        var narrow = Api.post("/v4/api-key", "{\"expiresInDays\": 30, \"scopes\": [\"appointments:read\"]}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(narrow, 201);
        var key = narrow.string("key");
        var before = scrape();
        assertStatus(
                Api.get("/v4/appointment")
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                200);
        assertStatus(
                Api.get("/v4/meeting-type")
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                403);
        assertStatus(Api.get("/v4/user").bearer(key).actingAs(tenant.ownerId()).send(), 403);
        assertStatus(PlansIT.changePlan(tenant.companyId(), "ESSENTIALS"), 200);
        // the plan change reaches this server's cache within a second: count only the refusal
        ApiAssertions.millisUntilStatus(
                () -> Api.get("/v4/appointment")
                        .bearer(key)
                        .actingAs(tenant.ownerId())
                        .send(),
                403);
        var after = scrape();
        var authentications = delta(counts(before), counts(after));
        assertEquals(1L, authentications.get("api-key/plan"), after);
        assertEquals(
                Map.of("api-key/insufficient-scope", 2L),
                delta(counts(before, "apiauth_refusals_total"), counts(after, "apiauth_refusals_total")),
                after);
    }

    private static long durationCount(String text) {
        return Prometheus.series(text, "apiauth_authentication_duration_seconds_count").stream()
                .mapToLong(Prometheus.Series::count)
                .findFirst()
                .orElse(0);
    }

    /** The value of a gauge of one company (null: of none, a total) and type, or -1 when it is not there (yet). */
    private static long gauge(String text, String name, String company, String type) {
        return Prometheus.series(text, name).stream()
                .filter(s -> Objects.equals(company, s.label("company")) && type.equals(s.label("type")))
                .mapToLong(Prometheus.Series::count)
                .findFirst()
                .orElse(-1);
    }

    /** With the per-company series on (this deployment: every company), the totals are their sum. */
    @Test
    void theTotalsByTypeAreTheSumOfTheCompanies() {
        Tenant.create().apiKey();
        var mismatch = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            var text = scrape();
            mismatch = "";
            for (var name : List.of("active", "expiring")) {
                for (var type : List.of("api-key", "pat")) {
                    long total = gauge(text, "apiauth_credentials_" + name, null, type);
                    long sum = Prometheus.series(text, "apiauth_company_credentials_" + name).stream()
                            .filter(s -> type.equals(s.label("type")))
                            .mapToLong(Prometheus.Series::count)
                            .sum();
                    if (total < 1 && name.equals("active") || total != sum) {
                        mismatch += name + "/" + type + ": total " + total + ", companies " + sum + "; ";
                    }
                }
            }
        } while (!mismatch.isEmpty() && System.nanoTime() < deadline);
        assertEquals("", mismatch);
    }

    @Test
    void gaugesCountLiveAndSoonEndingCredentialsPerCompany() {
        var tenant = Tenant.create(); // its owner's first PAT: live, no expiry
        tenant.apiKey(); // 30 days
        assertStatus(
                Api.post("/v4/api-key", "{\"expiresInDays\": 3}")
                        .bearer(tenant.ownerToken())
                        .send(),
                201);
        var revoked = tenant.apiKey();
        assertStatus(
                Api.delete("/v4/api-key/" + revoked.split(":")[1])
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        var company = tenant.companyId();
        var expected = Map.of(
                "apiauth_company_credentials_active/api-key",
                2L,
                "apiauth_company_credentials_expiring/api-key",
                1L,
                "apiauth_company_credentials_active/pat",
                1L,
                "apiauth_company_credentials_expiring/pat",
                0L);
        Map<String, Long> seen = Map.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!expected.equals(seen) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            var text = scrape();
            var now = new HashMap<String, Long>();
            for (var key : expected.keySet()) {
                var parts = key.split("/");
                now.put(key, gauge(text, parts[0], company, parts[1]));
            }
            seen = now;
        }
        assertEquals(expected, seen);
    }

    @Test
    void countsEveryOutcomeOfTheAuthenticationStep() {
        var tenant = Tenant.create();
        var stranger = Tenant.create();
        var key = tenant.apiKey();
        var member = tenant.user("MEMBER");
        var pat = tenant.tokenOf(member);
        var revoked = tenant.apiKey();
        assertStatus(
                Api.delete("/v4/api-key/" + revoked.split(":")[1])
                        .bearer(tenant.ownerToken())
                        .send(),
                204);
        var deactivated = tenant.apiKey();
        assertStatus(
                Api.post("/v4/api-key/" + deactivated.split(":")[1] + "/deactivate", "{}")
                        .bearer(tenant.ownerToken())
                        .send(),
                204);

        var before = scrape();
        for (int i = 0; i < 3; i++) {
            assertStatus(Api.get("/v4/user/me").bearer(pat).send(), 200);
        }
        for (int i = 0; i < 2; i++) {
            assertStatus(Api.get("/v4/user/me").bearer(key).actingAs(member).send(), 200);
            assertStatus(Api.get("/v4/user/me").send(), 401);
        }
        assertStatus(Api.get("/v4/user/me").bearer("rgo-not-a-real-token").send(), 401);
        assertStatus(Api.get("/v4/user/me").bearer(key + "x").send(), 401);
        assertStatus(Api.get("/v4/user/me").bearer(revoked).send(), 401);
        assertStatus(Api.get("/v4/user/me").bearer(deactivated).send(), 401);
        assertStatus(
                Api.get("/v4/user/me").bearer(pat).actingAs(tenant.ownerId()).send(), 403);
        assertStatus(
                Api.get("/v4/user/me").bearer(key).actingAs(stranger.ownerId()).send(), 500);
        assertStatus(Api.get("/v4/user/me").bearer(key).actingAs("not-a-uuid").send(), 400);
        var after = scrape();

        var expected = Map.of(
                "pat/success",
                3L,
                "api-key/success",
                2L,
                "none/missing",
                2L,
                "pat/invalid",
                1L,
                "api-key/invalid",
                1L,
                "api-key/revoked",
                1L,
                "api-key/deactivated",
                1L,
                "pat/impersonation-forbidden",
                1L,
                "api-key/foreign-company",
                1L,
                "api-key/malformed-user-header",
                1L);
        assertEquals(expected, delta(counts(before), counts(after)), after);
        assertEquals(14, durationCount(after) - durationCount(before), "one duration per authentication");
        for (var bucket : List.of("0.001", "0.002", "0.005", "0.01", "0.025", "0.05", "0.1")) {
            assertTrue(
                    Pattern.compile("apiauth_authentication_duration_seconds_bucket\\{[^}]*le=\"" + bucket + "\"")
                            .matcher(after)
                            .find(),
                    "the configured bucket le=" + bucket);
        }
    }
}
