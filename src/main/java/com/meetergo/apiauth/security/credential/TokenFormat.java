package com.meetergo.apiauth.security.credential;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The two credential formats, as GitHub's tokens do it: a recognisable prefix, a random body in
 * base62 and a CRC32 checksum of the body, so that a mistyped or invented value is refused before
 * any database query and secret scanners can match the pattern.
 *
 * <ul>
 * <li>PAT: {@code rgo-} + 30 random base62 characters (178 bits) + 6 checksum characters.</li>
 * <li>API key: {@code ak_live:<uuid>:} + 32 random base62 characters (190 bits) + 6 checksum
 * characters; the checksum covers {@code <uuid>:<random>}, binding the secret to its id.</li>
 * </ul>
 */
public final class TokenFormat {

    public static final String PAT_PREFIX = "rgo-";
    public static final String API_KEY_PREFIX = "ak_live:";
    static final int PAT_RANDOM_LENGTH = 30;
    static final int API_KEY_RANDOM_LENGTH = 32;
    private static final int CHECKSUM_LENGTH = 6;
    private static final int HINT_LENGTH = 4;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern PAT = Pattern.compile("rgo-([0-9A-Za-z]{30})([0-9A-Za-z]{6})");
    private static final Pattern API_KEY = Pattern
            .compile("ak_live:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([0-9A-Za-z]{32})([0-9A-Za-z]{6})");

    private TokenFormat() {
    }

    public static String newPat(SecureRandom random) {
        var body = randomBase62(random, PAT_RANDOM_LENGTH);
        return PAT_PREFIX + body + checksum(body);
    }

    public static String newApiKey(SecureRandom random, String id) {
        var body = randomBase62(random, API_KEY_RANDOM_LENGTH);
        return API_KEY_PREFIX + id + ":" + body + checksum(id + ":" + body);
    }

    public static boolean isWellFormedPat(String token) {
        var m = PAT.matcher(token);
        return m.matches() && checksum(m.group(1)).equals(m.group(2));
    }

    /** The key's id when the value is a well-formed API key with a correct checksum. */
    public static Optional<String> apiKeyId(String key) {
        var m = API_KEY.matcher(key);
        if (!m.matches() || !checksum(m.group(1) + ":" + m.group(2)).equals(m.group(3))) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(m.group(1)).toString());
    }

    /** What a list shows to recognise a PAT: prefix and the first four random characters. */
    public static String patHint(String token) {
        return token.substring(0, PAT_PREFIX.length() + HINT_LENGTH) + "…";
    }

    /** What a list shows to recognise an API key: its public id and the first four secret characters. */
    public static String apiKeyHint(String key) {
        int secretStart = API_KEY_PREFIX.length() + 37;
        return key.substring(0, secretStart + HINT_LENGTH) + "…";
    }

    static String checksum(String body) {
        var crc = new CRC32();
        crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        long value = crc.getValue();
        var out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }

    private static String randomBase62(SecureRandom random, int length) {
        var out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE62.charAt(random.nextInt(BASE62.length()));
        }
        return new String(out);
    }
}
