package com.meetergo.apiauth.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.meetergo.apiauth.domain.model.company.Plan;
import com.meetergo.apiauth.domain.model.credential.ApiKey;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessToken;
import com.meetergo.apiauth.domain.model.credential.Scope;
import com.meetergo.apiauth.domain.model.credential.Scopes;
import com.meetergo.apiauth.domain.model.user.Role;
import com.meetergo.apiauth.domain.model.user.User;
import com.meetergo.apiauth.security.credential.Digesters;
import com.meetergo.apiauth.security.credential.TokenFormat;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The verification cache's memory at its bound, in-process (run by bench/footprint): each of VerificationCache's caches
 * built as it builds them (Caffeine, maximumSize, expireAfterWrite) and filled to {@code apiauth.cache.max-size}
 * entries of realistic rows, the heap measured after full collections before and after. Not a test: the figures go to
 * bench/results. Entities built here are not woven by EclipseLink (the server's carry a few more fields each), so the
 * server's entries are somewhat larger: bench/run's live heap under load is the check on the whole.
 */
public final class VerificationCacheFootprint {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Instant NOW = Instant.now();

    private VerificationCacheFootprint() {}

    public static void main(String[] args) throws InterruptedException {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var digester = Digesters.withPepper("footprint-pepper-0123456789abcdef0123456789");
        var narrow = Scopes.of(List.of(Scope.values()[0]));
        System.out.printf("Each cache filled to %,d entries (apiauth.cache.max-size); heap after full GCs.%n%n", size);
        System.out.println("| cache | key | MiB | bytes per entry |");
        System.out.println("|---|---|---:|---:|");
        long total = 0;
        total += measure("apiKeysById", "key id", size, i -> {
            var id = UUID.randomUUID().toString();
            var key = TokenFormat.newApiKey(RANDOM, id);
            return new Entry<>(
                    id,
                    new ApiKey(
                            id,
                            UUID.randomUUID().toString(),
                            "integration " + i,
                            digester.digest(key),
                            TokenFormat.apiKeyHint(key),
                            UUID.randomUUID().toString(),
                            i % 2 == 0 ? Scopes.FULL : narrow,
                            NOW,
                            NOW.plus(Duration.ofDays(90)),
                            null,
                            null,
                            Role.ADMIN));
        });
        total += measure("tokensByDigest", "secret digest", size, i -> {
            var pat = TokenFormat.newPat(RANDOM);
            var digest = digester.digest(pat);
            return new Entry<>(
                    digest,
                    new PersonalAccessToken(
                            UUID.randomUUID().toString(),
                            UUID.randomUUID().toString(),
                            "laptop script " + i,
                            digest,
                            pat.substring(pat.length() - 4),
                            i % 2 == 0 ? Scopes.FULL : narrow,
                            NOW,
                            NOW.plus(Duration.ofDays(90)),
                            null,
                            null,
                            Role.ADMIN));
        });
        total += measure("usersById", "user id", size, i -> {
            var user = user(i);
            return new Entry<>(user.id(), user);
        });
        total += measure(
                "ownersByCompany",
                "company id",
                size,
                i -> new Entry<>(UUID.randomUUID().toString(), user(i)));
        total += measure(
                "plansByCompany",
                "company id",
                size,
                i -> new Entry<>(UUID.randomUUID().toString(), Plan.values()[i % Plan.values().length]));
        total += measure(
                "unknownKeyIds",
                "key id",
                size,
                i -> new Entry<>(UUID.randomUUID().toString(), Boolean.TRUE));
        System.out.printf("| **all six, full** | | **%.1f** | |%n", total / 1048576.0);
    }

    private static User user(int i) {
        return new User(
                UUID.randomUUID().toString(),
                "person" + i + "@customer-company.example",
                "Given" + i,
                "Family" + i,
                Role.MEMBER,
                NOW);
    }

    private record Entry<V>(String key, V value) {}

    private static <V> long measure(String name, String key, int size, IntFunction<Entry<V>> entries)
            throws InterruptedException {
        // Only what the cache keeps is still reachable at the second measurement: its nodes, keys and
        // values; whatever making the rows took (digests, tokens) is garbage by then.
        long before = usedAfterGc();
        var cache = new GuardedCache<String, V>(
                Caffeine.newBuilder()
                        .maximumSize(size)
                        .expireAfterWrite(Duration.ofSeconds(30))
                        .build(),
                new AtomicLong());
        for (int i = 0; i < size; i++) {
            var entry = entries.apply(i);
            cache.get(entry.key(), k -> Optional.of(entry.value()));
        }
        long after = usedAfterGc();
        long bytes = after - before;
        System.out.printf("| %s | %s | %.1f | %d |%n", name, key, bytes / 1048576.0, bytes / size);
        if (cache.size() < size * 0.99) {
            throw new IllegalStateException(name + " kept only " + cache.size() + " entries");
        }
        return bytes;
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            var runtime = Runtime.getRuntime();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
