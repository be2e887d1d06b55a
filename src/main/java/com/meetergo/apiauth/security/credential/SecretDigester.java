package com.meetergo.apiauth.security.credential;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed digests of credentials: HMAC-SHA-256 with the server's pepper. A stolen database alone
 * is not enough to test guesses offline; every server of one database must share the pepper.
 */
@ApplicationScoped
public class SecretDigester {

    private static final String ALGORITHM = "HmacSHA256";

    @Inject
    Pepper pepper;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        key = new SecretKeySpec(pepper.bytes(), ALGORITHM);
    }

    public String digest(String credential) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** Constant-time comparison of two digests; an erased one (null) matches nothing. */
    public static boolean same(String digest, String storedDigest) {
        return storedDigest != null && MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
                storedDigest.getBytes(StandardCharsets.US_ASCII));
    }
}
