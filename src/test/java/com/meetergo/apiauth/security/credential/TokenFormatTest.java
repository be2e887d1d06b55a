package com.meetergo.apiauth.security.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
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
    @ValueSource(strings = {"", "ak_live:", "ak_live:not-a-uuid:AAAA", "AK_LIVE:550e8400-e29b-41d4-a716-446655440000:x",
            "ak_test:550e8400-e29b-41d4-a716-446655440000:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA000000"})
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
        assertInstanceOf(PersonalAccessTokenCredential.class, BearerCredentials.from("Bearer rgo-abc", null).get());
        assertInstanceOf(ApiKeyCredential.class, BearerCredentials.from("bearer\tak_live:x", "u").get());
        assertEquals(Optional.empty(), BearerCredentials.from("Bearer", null));
        assertEquals(Optional.empty(), BearerCredentials.from("Basic abc", null));
        assertEquals(Optional.empty(), BearerCredentials.from(null, null));
    }
}
