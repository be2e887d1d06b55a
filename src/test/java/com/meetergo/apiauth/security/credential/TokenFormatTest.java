package com.meetergo.apiauth.security.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenFormatTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void newPatsAreWellFormedAndUnique() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            var token = TokenFormat.newPat(random);
            assertTrue(token.matches("rgo-[0-9A-Za-z]{36}"), token);
            assertTrue(TokenFormat.isWellFormedPat(token), token);
            assertTrue(seen.add(token));
        }
    }

    @Test
    void everySingleCharacterChangeOfAPatBreaksItsChecksum() {
        var token = TokenFormat.newPat(random);
        for (int i = 4; i < token.length(); i++) {
            var changed = token.substring(0, i) + (token.charAt(i) == 'x' ? 'y' : 'x') + token.substring(i + 1);
            assertFalse(TokenFormat.isWellFormedPat(changed), changed);
        }
    }

    @Test
    void apiKeyCarriesItsIdAndBindsItToTheSecret() {
        var id = UUID.randomUUID().toString();
        var key = TokenFormat.newApiKey(random, id);
        assertTrue(key.matches("ak_live:" + id + ":[0-9A-Za-z]{38}"), key);
        assertEquals(Optional.of(id), TokenFormat.apiKeyId(key));
        var otherId = UUID.randomUUID().toString();
        assertEquals(Optional.empty(), TokenFormat.apiKeyId(key.replace(id, otherId)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ak_live:",
                "ak_live:not-a-uuid:AAAA",
                "AK_LIVE:550e8400-e29b-41d4-a716-446655440000:x",
                "ak_test:550e8400-e29b-41d4-a716-446655440000:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA000000"
            })
    void malformedApiKeysHaveNoId(String key) {
        assertEquals(Optional.empty(), TokenFormat.apiKeyId(key));
    }

    @Test
    void hintsShowOnlyThePrefixIdAndFourCharacters() {
        var token = TokenFormat.newPat(random);
        assertEquals(token.substring(0, 8) + "…", TokenFormat.patHint(token));
        var id = UUID.randomUUID().toString();
        var key = TokenFormat.newApiKey(random, id);
        assertEquals("ak_live:" + id + ":" + key.substring(45, 49) + "…", TokenFormat.apiKeyHint(key));
    }

    @Test
    void bearerHeaderTellsPatsFromApiKeys() {
        assertInstanceOf(
                PersonalAccessTokenCredential.class,
                BearerCredentials.from("Bearer rgo-abc", null, "127.0.0.1").get());
        assertInstanceOf(
                ApiKeyCredential.class,
                BearerCredentials.from("bearer\tak_live:x", "u", "127.0.0.1").get());
        assertEquals(Optional.empty(), BearerCredentials.from("Bearer", null, "127.0.0.1"));
        assertEquals(Optional.empty(), BearerCredentials.from("Basic abc", null, "127.0.0.1"));
        assertEquals(Optional.empty(), BearerCredentials.from(null, null, "127.0.0.1"));
    }

    // The formats as regular expressions: the reference the hand-written checks must agree with.
    private static final Pattern PAT = Pattern.compile("rgo-([0-9A-Za-z]{30})([0-9A-Za-z]{6})");
    private static final Pattern API_KEY = Pattern.compile(
            "ak_live:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([0-9A-Za-z]{32})([0-9A-Za-z]{6})");
    private static final Pattern ANY_CASE_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String ODD = "0aZz-:_ \t\u00e9\u0130\u212aAFfg9";

    /**
     * The parse runs on every request without regular expressions; over 60,000 values — real tokens, keys and user ids,
     * every kind of one-character change, cuts and extensions — it must accept exactly what the format's expressions
     * (with the checksum) accept, and give the same id.
     */
    @Test
    void handWrittenChecksAgreeWithTheFormatsRegularExpressions() {
        var seeded = new Random(20261129);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            var pat = mutate(TokenFormat.newPat(random), seeded);
            var m = PAT.matcher(pat);
            boolean expected = m.matches() && TokenFormat.checksum(m.group(1)).equals(m.group(2));
            assertEquals(expected, TokenFormat.isWellFormedPat(pat), pat);

            var key = mutate(TokenFormat.newApiKey(random, UUID.randomUUID().toString()), seeded);
            var k = API_KEY.matcher(key);
            var expectedId = k.matches()
                            && TokenFormat.checksum(k.group(1) + ":" + k.group(2))
                                    .equals(k.group(3))
                    ? Optional.of(k.group(1))
                    : Optional.<String>empty();
            assertEquals(expectedId, TokenFormat.apiKeyId(key), key);

            var user = mutate(
                    seeded.nextBoolean()
                            ? UUID.randomUUID().toString()
                            : UUID.randomUUID().toString().toUpperCase(Locale.ROOT),
                    seeded);
            var expectedUser = ANY_CASE_UUID.matcher(user.strip()).matches()
                    ? Optional.of(UUID.fromString(user.strip()).toString())
                    : Optional.<String>empty();
            assertEquals(expectedUser, UserHeader.userId(user), user);
            accepted += (expected ? 1 : 0) + (expectedId.isPresent() ? 1 : 0) + (expectedUser.isPresent() ? 1 : 0);
        }
        // Both sides of the line were exercised.
        assertTrue(accepted > 5_000 && accepted < 55_000, "accepted " + accepted);
    }

    /** Unchanged a quarter of the time; otherwise one character replaced, inserted or removed, or a cut. */
    private static String mutate(String value, Random seeded) {
        int at = seeded.nextInt(value.length());
        char c = ODD.charAt(seeded.nextInt(ODD.length()));
        return switch (seeded.nextInt(8)) {
            case 0, 1 -> value;
            case 2, 3 -> value.substring(0, at) + c + value.substring(at + 1);
            case 4 -> value.substring(0, at) + c + value.substring(at);
            case 5 -> value.substring(0, at) + value.substring(at + 1);
            case 6 -> value.substring(0, at);
            default -> seeded.nextBoolean() ? " " + value + "\t" : value + c;
        };
    }
}
