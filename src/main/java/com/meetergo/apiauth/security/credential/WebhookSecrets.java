package com.meetergo.apiauth.security.credential;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signing secrets of webhook endpoints, {@code whsec_<base64 of 32 bytes>}: derived, never stored. A key for
 * webhooks alone is derived from the pepper (HMAC-SHA-256 of a fixed label), and each endpoint's secret from that key,
 * its id and its secret version. A stolen database holds no signing secret; every server of one database derives the
 * same ones, as it shares the pepper; a new pepper changes every endpoint's secret (docs/webhooks.md).
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String LABEL = "api-auth webhook signing secrets v1";

    @Inject
    Pepper pepper;

    private SecretKeySpec webhookKey;

    @PostConstruct
    void init() {
        webhookKey = new SecretKeySpec(hmac(new SecretKeySpec(pepper.bytes(), ALGORITHM), LABEL), ALGORITHM);
    }

    /** The endpoint's secret of that version, as the Standard Webhooks libraries take it. */
    public String of(String endpointId, int version) {
        return "whsec_" + Base64.getEncoder().encodeToString(hmac(webhookKey, endpointId + ":" + version));
    }

    private static byte[] hmac(SecretKeySpec key, String input) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSecrets";
    }
}
