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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Gauges of live credentials by type: {@code apiauth_credentials_active{type}} and
 * {@code apiauth_credentials_expiring{type}} (active and ending within {@code apiauth.expiry-warning}). Per company
 * only when an operator asks, and bounded: {@code apiauth.metrics.per-company-limit} (default 0, none) adds
 * {@code apiauth_company_credentials_active|expiring{company,type}} for that many companies per type — those with the
 * most live credentials; a company that leaves them, or has none left, leaves the scrape. A series per company at
 * platform scale (50,000 companies, 200,000 series per server) is what Prometheus warns against; per-company figures
 * live in the API. One grouped query per table every {@code apiauth.metrics.gauge-refresh} (a non-persistent timer, 5
 * minutes by default: the query reads every live credential), never one per scrape; why not more often:
 * docs/decisions.md, "Metrics".
 */
@Singleton
@Startup
public class CredentialGauges {

    private static final Logger LOG = Logger.getLogger(CredentialGauges.class.getName());

    private static final Map<String, String> TABLES = Map.of("api-key", "api_key", "pat", "personal_access_token");
    static final String ACTIVE = "apiauth.credentials.active";
    static final String EXPIRING = "apiauth.credentials.expiring";
    static final String COMPANY_ACTIVE = "apiauth.company.credentials.active";
    static final String COMPANY_EXPIRING = "apiauth.company.credentials.expiring";

    /** One company's live credentials of one type, and how many of them end within the warning. */
    record CompanyCount(String company, long active, long expiring) {}

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

    @Inject
    @ConfigProperty(name = "apiauth.metrics.per-company-limit", defaultValue = "0")
    int perCompanyLimit;

    private final Map<MetricID, AtomicLong> values = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        if (perCompanyLimit < 0) {
            throw new IllegalStateException("apiauth.metrics.per-company-limit must be 0 (none) or more");
        }
        timers.createIntervalTimer(0, refresh.toMillis(), new TimerConfig("credential gauges", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void refresh() {
        var now = Instant.now();
        var seen = new HashSet<MetricID>();
        try (var connection = database.getConnection()) {
            for (var table : TABLES.entrySet()) {
                var type = table.getKey();
                var counts = counts(connection, table.getValue(), now);
                seen.add(set(
                        ACTIVE, counts.stream().mapToLong(CompanyCount::active).sum(), new Tag("type", type)));
                seen.add(set(
                        EXPIRING,
                        counts.stream().mapToLong(CompanyCount::expiring).sum(),
                        new Tag("type", type)));
                for (var company : largest(counts, perCompanyLimit)) {
                    var tags = new Tag[] {new Tag("company", company.company()), new Tag("type", type)};
                    seen.add(set(COMPANY_ACTIVE, company.active(), tags));
                    seen.add(set(COMPANY_EXPIRING, company.expiring(), tags));
                }
            }
            // A company that left the largest, or whose last live credential ended, leaves the scrape.
            for (var id : values.keySet()) {
                if (!seen.contains(id)) {
                    values.remove(id);
                    registry.remove(id);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Credential gauges not refreshed", e);
        }
    }

    private List<CompanyCount> counts(Connection connection, String table, Instant now) throws SQLException {
        try (var s = connection.prepareStatement("select company_id,"
                + " sum(case when expires_at is null or expires_at > ? then 1 else 0 end),"
                + " sum(case when expires_at > ? and expires_at <= ? then 1 else 0 end)"
                + " from " + table + " where status = 'ACTIVE' and (grace_until is null or grace_until > ?)"
                + " group by company_id")) {
            var utc = now.atOffset(ZoneOffset.UTC);
            s.setObject(1, utc);
            s.setObject(2, utc);
            s.setObject(3, now.plus(warning).atOffset(ZoneOffset.UTC));
            s.setObject(4, utc);
            var counts = new ArrayList<CompanyCount>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.add(new CompanyCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            return counts;
        }
    }

    /**
     * The {@code limit} companies with the most live credentials (ties by id: the same on every server), none with
     * none.
     */
    static List<CompanyCount> largest(List<CompanyCount> counts, int limit) {
        if (limit == 0) {
            return List.of(); // the default: totals only, nothing to sort
        }
        return counts.stream()
                .filter(c -> c.active() > 0)
                .sorted(Comparator.comparingLong(CompanyCount::active)
                        .reversed()
                        .thenComparing(CompanyCount::company))
                .limit(limit)
                .toList();
    }

    private MetricID set(String name, long value, Tag... tags) {
        var id = new MetricID(name, tags);
        values.computeIfAbsent(id, k -> {
                    var gauge = new AtomicLong();
                    registry.gauge(
                            Metadata.builder()
                                    .withName(name)
                                    .withDescription(description(name))
                                    .build(),
                            gauge,
                            AtomicLong::get,
                            tags);
                    return gauge;
                })
                .set(value);
        return id;
    }

    private static String description(String name) {
        return switch (name) {
            case ACTIVE -> "Live credentials by type";
            case EXPIRING -> "Live credentials ending within the expiry warning, by type";
            case COMPANY_ACTIVE -> "Live credentials of the companies with the most, by company and type";
            default -> "Live credentials ending within the expiry warning, of the companies with the most live ones";
        };
    }
}
