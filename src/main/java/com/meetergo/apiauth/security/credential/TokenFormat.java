package com.meetergo.apiauth.security.credential;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The two credential formats, as GitHub's tokens do it: a recognisable prefix, a random body in base62 and a CRC32
 * checksum of the body, so that a mistyped or invented value is refused before any database query and secret scanners
 * can match the pattern.
 *
 * <ul>
 *   <li>PAT: {@code rgo-} + 30 random base62 characters (178 bits) + 6 checksum characters.
 *   <li>API key: {@code ak_live:<uuid>:} + 32 random base62 characters (190 bits) + 6 checksum characters; the checksum
 *       covers {@code <uuid>:<random>}, binding the secret to its id.
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
    private static final int UUID_LENGTH = 36;

    private TokenFormat() {}

    public static String newPat(SecureRandom random) {
        var body = randomBase62(random, PAT_RANDOM_LENGTH);
        return PAT_PREFIX + body + checksum(body);
    }

    public static String newApiKey(SecureRandom random, String id) {
        var body = randomBase62(random, API_KEY_RANDOM_LENGTH);
        return API_KEY_PREFIX + id + ":" + body + checksum(id + ":" + body);
    }

    /**
     * {@code rgo-} + 30 base62 + the body's 6-character checksum. Checked by hand, not by a regular expression: this
     * runs on every request, and the matcher cost more than the rest of the parse.
     */
    public static boolean isWellFormedPat(String token) {
        int bodyStart = PAT_PREFIX.length();
        int bodyEnd = bodyStart + PAT_RANDOM_LENGTH;
        return token.length() == bodyEnd + CHECKSUM_LENGTH
                && token.startsWith(PAT_PREFIX)
                && isBase62(token, bodyStart, token.length())
                && checksumMatches(token, bodyStart, bodyEnd);
    }

    /**
     * The key's id when the value is a well-formed API key with a correct checksum: {@code ak_live:} + a lower-case
     * UUID + {@code :} + 32 base62 + the checksum of {@code <uuid>:<random>}.
     */
    public static Optional<String> apiKeyId(String key) {
        int idStart = API_KEY_PREFIX.length();
        int idEnd = idStart + UUID_LENGTH;
        int bodyEnd = idEnd + 1 + API_KEY_RANDOM_LENGTH;
        if (key.length() != bodyEnd + CHECKSUM_LENGTH
                || !key.startsWith(API_KEY_PREFIX)
                || key.charAt(idEnd) != ':'
                || !isUuid(key, idStart, false)
                || !isBase62(key, idEnd + 1, key.length())
                || !checksumMatches(key, idStart, bodyEnd)) {
            return Optional.empty();
        }
        return Optional.of(key.substring(idStart, idEnd));
    }

    /**
     * Whether {@code value} holds a UUID's 8-4-4-4-12 hex form at {@code from}; upper-case letters only when
     * {@code anyCase}.
     */
    static boolean isUuid(String value, int from, boolean anyCase) {
        if (value.length() < from + UUID_LENGTH) {
            return false;
        }
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = value.charAt(from + i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23
                    ? c == '-'
                    : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || anyCase && c >= 'A' && c <= 'F';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase62(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the CRC32 checksum of {@code value[from, to)} (ASCII) is the {@code CHECKSUM_LENGTH} characters at
     * {@code to}.
     */
    private static boolean checksumMatches(String value, int from, int to) {
        var bytes = new byte[to - from];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) value.charAt(from + i);
        }
        var expected = checksum(bytes);
        return value.regionMatches(to, expected, 0, CHECKSUM_LENGTH);
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
        return checksum(body.getBytes(StandardCharsets.US_ASCII));
    }

    private static String checksum(byte[] body) {
        var crc = new CRC32();
        crc.update(body);
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
