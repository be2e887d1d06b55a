package com.meetergo.apiauth.infrastructure.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Gauges of live credentials per company and type: {@code apiauth_credentials_active} and
 * {@code apiauth_credentials_expiring} (active and ending within {@code apiauth.expiry-warning}).
 * One grouped query per table every {@code apiauth.metrics.gauge-refresh} (a non-persistent timer),
 * never one per scrape; a company's gauges appear at the first refresh after its first credential.
 * Every 5 minutes by default: the query reads every live credential, and with 1M stored H2 took
 * seconds of CPU for it (5–15 s for 1.1M rows measured standalone beside a load) — every 30 s,
 * that was a share of a small server's capacity that grew with the stored credentials, for
 * counts that change by the day.
 */
@Singleton
@Startup
public class CredentialGauges {

    private static final Logger LOG = Logger.getLogger(CredentialGauges.class.getName());

    private static final Map<String, String> TABLES = Map.of("api-key", "api_key", "pat", "personal_access_token");

    @Resource
    TimerService timers;

    @Resource(lookup = "jdbc/apiauth")
    DataSource database;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "apiauth.metrics.gauge-refresh", defaultValue = "PT5M")
    Duration refresh;

    @Inject
    @ConfigProperty(name = "apiauth.expiry-warning", defaultValue = "P7D")
    Duration warning;

    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        timers.createIntervalTimer(0, refresh.toMillis(), new TimerConfig("credential gauges", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void refresh() {
        var now = Instant.now();
        var seen = new HashSet<String>();
        try (var connection = database.getConnection()) {
            for (var table : TABLES.entrySet()) {
                try (var s = connection.prepareStatement("select company_id,"
                        + " sum(case when expires_at is null or expires_at > ? then 1 else 0 end),"
                        + " sum(case when expires_at > ? and expires_at <= ? then 1 else 0 end)"
                        + " from " + table.getValue() + " where status = 'ACTIVE' and (grace_until is null or grace_until > ?)"
                        + " group by company_id")) {
                    var utc = now.atOffset(ZoneOffset.UTC);
                    s.setObject(1, utc);
                    s.setObject(2, utc);
                    s.setObject(3, now.plus(warning).atOffset(ZoneOffset.UTC));
                    s.setObject(4, utc);
                    try (var rs = s.executeQuery()) {
                        while (rs.next()) {
                            seen.add(set("apiauth.credentials.active", rs.getString(1), table.getKey(), rs.getLong(2)));
                            seen.add(set("apiauth.credentials.expiring", rs.getString(1), table.getKey(), rs.getLong(3)));
                        }
                    }
                }
            }
            // A company whose last live credential ended is in no row any more: it has none.
            values.forEach((key, value) -> {
                if (!seen.contains(key)) {
                    value.set(0);
                }
            });
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Credential gauges not refreshed", e);
        }
    }

    private String set(String name, String company, String type, long value) {
        var key = name + "/" + company + "/" + type;
        gauge(name, company, type, key).set(value);
        return key;
    }

    private AtomicLong gauge(String name, String company, String type, String key) {
        return values.computeIfAbsent(key, k -> {
            var value = new AtomicLong();
            registry.gauge(Metadata.builder().withName(name)
                    .withDescription(name.endsWith("active") ? "Live credentials per company and type"
                            : "Live credentials ending within the expiry warning, per company and type").build(),
                    value, AtomicLong::get, new Tag("company", company), new Tag("type", type));
            return value;
        });
    }
}
