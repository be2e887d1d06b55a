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
 * Keyed digests of credentials: HMAC-SHA-256 with the server's pepper. A stolen database alone is not enough to test
 * guesses offline; every server of one database must share the pepper.
 */
@ApplicationScoped
public class SecretDigester {

    private static final String ALGORITHM = "HmacSHA256";

    @Inject
    Pepper pepper;

    /**
     * One keyed Mac per thread: Mac.getInstance and init (the key schedule) cost more than the digest itself, and a Mac
     * is not thread-safe. doFinal leaves it ready for the next credential.
     */
    private ThreadLocal<Mac> macs;

    @PostConstruct
    void init() {
        var key = new SecretKeySpec(pepper.bytes(), ALGORITHM);
        macs = ThreadLocal.withInitial(() -> {
            try {
                var mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA-256 is not available", e);
            }
        });
    }

    public String digest(String credential) {
        return HexFormat.of().formatHex(macs.get().doFinal(credential.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison of two digests; an erased one (null) matches nothing. */
    public static boolean same(String digest, String storedDigest) {
        return storedDigest != null
                && MessageDigest.isEqual(
                        digest.getBytes(StandardCharsets.US_ASCII), storedDigest.getBytes(StandardCharsets.US_ASCII));
    }
}
