package com.meetergo.apiauth.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.ApiTest;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Prometheus;
import com.meetergo.apiauth.support.Tenant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The credential gauges as shipped: totals by type and no series per company, however many companies the database holds
 * (every test's tenants are here) — the scrape's size does not grow with the platform. Per-company series, opted into,
 * are tested in {@link MetricsIT}.
 */
@ExtendWith(ArquillianExtension.class)
public class CredentialGaugesIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return InContainerTest.war(ApiTest.NO_ADDRESS_THROTTLE, "apiauth.metrics.gauge-refresh=PT0.5S");
    }

    @Test
    void totalsByTypeAndNoCompanyLabel() {
        Tenant.create().apiKey();
        Tenant.create().apiKey();
        String text = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            text = Prometheus.scrape();
            if (Prometheus.series(text, "apiauth_credentials_active").stream()
                    .anyMatch(s -> "api-key".equals(s.label("type")) && s.count() >= 2)) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        var credentialSeries = Arrays.stream(text.split("\n"))
                .filter(line -> line.startsWith("apiauth_credentials_") || line.startsWith("apiauth_company_"))
                .sorted()
                .toList();
        assertEquals(4, credentialSeries.size(), credentialSeries::toString);
        for (var line : credentialSeries) {
            assertTrue(
                    line.matches(
                            "apiauth_credentials_(active|expiring)\\{mp_scope=\"application\",type=\"(api-key|pat)\",} [0-9.E]+"),
                    line);
        }
        assertTrue(
                Arrays.stream(text.split("\n")).noneMatch(line -> line.contains("company=\"")),
                "no series names a company");
        long activeKeys = Prometheus.series(text, "apiauth_credentials_active").stream()
                .filter(s -> "api-key".equals(s.label("type")))
                .mapToLong(Prometheus.Series::count)
                .sum();
        assertTrue(activeKeys >= 2, "the two tenants' keys at least: " + credentialSeries);
        System.out.println("metrics: the application scope's scrape is " + text.length() + " bytes, "
                + text.lines().filter(l -> !l.startsWith("#")).count() + " series, with every test's companies stored");
    }
}
