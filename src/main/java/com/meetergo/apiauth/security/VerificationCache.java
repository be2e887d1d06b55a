package com.meetergo.apiauth.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.meetergo.apiauth.domain.model.change.ChangeNotice;
import com.meetergo.apiauth.domain.model.company.Company;
import com.meetergo.apiauth.domain.model.company.CompanyRepository;
import com.meetergo.apiauth.domain.model.company.Plan;
import com.meetergo.apiauth.domain.model.credential.ApiKey;
import com.meetergo.apiauth.domain.model.credential.ApiKeyRepository;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessToken;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessTokenRepository;
import com.meetergo.apiauth.domain.model.user.User;
import com.meetergo.apiauth.domain.model.user.UserRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * What the identity stores read on every request — credentials, users, company owners — kept in bounded Caffeine caches
 * so that a warm request reads nothing from the database. It caches what the database says, never a decision: expiry,
 * grace periods and the digest comparison are checked on every hit. Unknown API key ids are remembered as unknown until
 * a key with that id is created (a change notice, like every change); unknown PAT digests always go to the database.
 *
 * <p>Never stale for long: a change on this server empties its entry once its transaction commits (the very next
 * request sees it); a change on another server reaches this one through the {@code change_notice} rows its poller reads
 * several times a second. The cache answers only while that poller has succeeded within
 * {@code apiauth.cache.max-staleness} (1 s): when it stalls or the database fails, every request reads the database
 * until it succeeds again. Entries also end after {@code apiauth.cache.ttl}, the bound should a notice ever be missed.
 * Lookups made while the cache may not answer are counted in {@code apiauth_cache_bypassed_total} (/metrics): a rising
 * count on a healthy database means the poller is late.
 */
@ApplicationScoped
public class VerificationCache {

    @Inject
    ApiKeyRepository keys;

    @Inject
    PersonalAccessTokenRepository tokens;

    @Inject
    UserRepository users;

    @Inject
    CompanyRepository companies;

    @Inject
    @ConfigProperty(name = "apiauth.cache.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "apiauth.cache.max-size", defaultValue = "100000")
    long maxSize;

    @Inject
    @ConfigProperty(name = "apiauth.cache.ttl", defaultValue = "PT30S")
    Duration ttl;

    @Inject
    @ConfigProperty(name = "apiauth.cache.max-staleness", defaultValue = "PT1S")
    Duration maxStaleness;

    @Inject
    MetricRegistry registry;

    private final AtomicLong invalidations = new AtomicLong();

    private Counter bypassed;

    private GuardedCache<String, ApiKey> apiKeysById;

    /** Key ids the database did not have when last asked. */
    private GuardedCache<String, Boolean> unknownKeyIds;

    private Counter unknownHits;

    private Counter credentialReads;

    private GuardedCache<String, PersonalAccessToken> tokensByDigest;

    private GuardedCache<String, User> usersById;

    private GuardedCache<String, User> ownersByCompany;

    private GuardedCache<String, Plan> plansByCompany;

    /** System.nanoTime() until which the cache may answer; before the first poll, it may not. */
    private volatile long freshUntil;

    @PostConstruct
    void build() {
        apiKeysById = newCache();
        unknownKeyIds = newCache();
        tokensByDigest = newCache();
        usersById = newCache();
        ownersByCompany = newCache();
        plansByCompany = newCache();
        freshUntil = System.nanoTime();
        bypassed = registry.counter(Metadata.builder()
                .withName("apiauth.cache.bypassed")
                .withDescription("Lookups that read the database because the change notices were not read recently")
                .build());
        credentialReads = registry.counter(Metadata.builder()
                .withName("apiauth.cache.credential.reads")
                .withDescription("Credentials read from the database (an API key by id, a PAT by digest)")
                .build());
        unknownHits = registry.counter(Metadata.builder()
                .withName("apiauth.cache.unknown.key.hits")
                .withDescription("Guesses at API key ids answered as unknown without a database read")
                .build());
    }

    private <V> GuardedCache<String, V> newCache() {
        return new GuardedCache<>(
                Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl).build(), invalidations);
    }

    /**
     * The key with this id. An id the database does not know is remembered too (bounded, like every entry, and
     * forgotten when a key with that id is created on any server): guessing at made-up ids costs one database read per
     * id, not one per guess.
     */
    public Optional<ApiKey> apiKey(String id) {
        if (!answering()) {
            return readKey(id);
        }
        if (unknownKeyIds.peek(id).isPresent()) {
            unknownHits.inc();
            return Optional.empty();
        }
        long before = unknownKeyIds.invalidationCount();
        var found = apiKeysById.get(id, this::readKey);
        if (found.isEmpty()) {
            unknownKeyIds.putUnlessInvalidatedSince(id, Boolean.TRUE, before);
        }
        return found;
    }

    public Optional<PersonalAccessToken> tokenWithDigest(String digest) {
        return answering() ? tokensByDigest.get(digest, this::readToken) : readToken(digest);
    }

    private Optional<ApiKey> readKey(String id) {
        credentialReads.inc();
        return keys.find(id);
    }

    private Optional<PersonalAccessToken> readToken(String digest) {
        credentialReads.inc();
        return tokens.withDigest(digest);
    }

    public Optional<User> user(String id) {
        return answering() ? usersById.get(id, users::find) : users.find(id);
    }

    public User ownerOf(String companyId) {
        return answering()
                ? ownersByCompany
                        .get(companyId, c -> Optional.of(users.ownerOf(c)))
                        .orElseThrow()
                : users.ownerOf(companyId);
    }

    /** The company's plan: read on every request that proves a secret, so cached like the credential. */
    public Plan planOf(String companyId) {
        return answering()
                ? plansByCompany
                        .get(companyId, c -> companies.find(c).map(Company::plan))
                        .orElseThrow()
                : companies.find(companyId).map(Company::plan).orElseThrow();
    }

    private boolean answering() {
        if (System.nanoTime() - freshUntil < 0) {
            return enabled;
        }
        if (enabled) {
            bypassed.inc();
        }
        return false;
    }

    /** Lookups that went to the database because the notices were stale (tests tell a stalled poller from a bug). */
    public long bypassedLookups() {
        return bypassed.getCount();
    }

    /** This server's own changes, once committed. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeNotice.Changed change) {
        forget(change.kind(), change.targetId());
    }

    /** Drops what a change made stale. */
    public void forget(ChangeNotice.Kind kind, String id) {
        if (kind == null) {
            // a kind of change this version does not know (a newer server's): forget everything
            forgetAll();
        } else if (kind == ChangeNotice.Kind.CREDENTIAL) {
            apiKeysById.invalidate(id);
            unknownKeyIds.invalidate(id);
            tokensByDigest.invalidateIf(t -> t.id().equals(id));
        } else if (kind == ChangeNotice.Kind.COMPANY) {
            plansByCompany.invalidate(id);
        } else {
            usersById.invalidate(id);
            ownersByCompany.invalidateIf(u -> u.id().equals(id));
        }
    }

    public void forgetAll() {
        apiKeysById.invalidateAll();
        unknownKeyIds.invalidateAll();
        tokensByDigest.invalidateAll();
        usersById.invalidateAll();
        ownersByCompany.invalidateAll();
        plansByCompany.invalidateAll();
    }

    /** System.nanoTime() when the last successful read of the notices started (tests wait for one after a change). */
    public long lastPollStarted() {
        return freshUntil - maxStaleness.toNanos();
    }

    /** Called by the poller: every change committed before {@code pollStarted} (a nanoTime) is applied. */
    public void freshAsOf(long pollStarted) {
        freshUntil = pollStarted + maxStaleness.toNanos();
    }

    /** Guesses answered by the negative cache (tests show that the database was not asked). */
    public long unknownKeyHits() {
        return unknownHits.getCount();
    }

    /** How many credentials are cached now (VerificationCacheIT checks that a used key is cached). */
    public long credentialCount() {
        return apiKeysById.size() + tokensByDigest.size();
    }
}
