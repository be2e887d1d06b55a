package com.meetergo.apiauth.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.meetergo.apiauth.domain.model.credential.ApiKey;
import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import com.meetergo.apiauth.domain.model.credential.Scopes;
import com.meetergo.apiauth.domain.model.user.Role;
import com.meetergo.apiauth.security.credential.Digesters;
import com.meetergo.apiauth.security.credential.SecretDigester;
import com.meetergo.apiauth.security.credential.TokenFormat;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The module's own verification work, in-process (JMH, run by bench/jmh): parsing and checksum, the HMAC digest, a
 * warm-cache lookup, and the whole API-key path as the identity store does it. Not a test: the numbers go to
 * bench/results, never into an assertion.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VerificationPathBenchmark {

    private String key;

    private String pat;

    private ApiKey stored;

    private SecretDigester digester;

    private GuardedCache<String, ApiKey> cache;

    @Setup
    public void setUp() {
        var random = new SecureRandom();
        digester = Digesters.withPepper("benchmark-pepper-0123456789abcdef0123456789");
        var id = UUID.randomUUID().toString();
        key = TokenFormat.newApiKey(random, id);
        pat = TokenFormat.newPat(random);
        var now = Instant.now();
        stored = new ApiKey(
                id,
                "company",
                "bench",
                digester.digest(key),
                TokenFormat.apiKeyHint(key),
                "user",
                Scopes.FULL,
                now,
                now.plus(Duration.ofDays(30)),
                null,
                null,
                Role.ADMIN);
        cache = new GuardedCache<>(Caffeine.newBuilder().maximumSize(100_000).build(), new AtomicLong());
        cache.get(id, k -> Optional.of(stored));
    }

    @Benchmark
    public boolean patFormatAndChecksum() {
        return TokenFormat.isWellFormedPat(pat);
    }

    @Benchmark
    public Optional<String> apiKeyFormatAndChecksum() {
        return TokenFormat.apiKeyId(key);
    }

    @Benchmark
    public String hmacDigest() {
        return digester.digest(key);
    }

    @Benchmark
    public Optional<ApiKey> warmCacheLookup() {
        return cache.get(stored.id(), k -> Optional.empty());
    }

    /** What ApiKeyIdentityStore does before it builds the caller: parse, digest, look up, compare, status. */
    @Benchmark
    public CredentialStatus wholeApiKeyVerification() {
        var id = TokenFormat.apiKeyId(key).orElseThrow();
        var digest = digester.digest(key);
        var found = cache.get(id, k -> Optional.empty()).orElseThrow();
        if (!SecretDigester.same(digest, found.secretDigest())) {
            throw new IllegalStateException("the digests must match");
        }
        return found.statusAt(Instant.now());
    }
}
