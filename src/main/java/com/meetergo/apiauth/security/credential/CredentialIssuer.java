package com.meetergo.apiauth.security.credential;

import com.meetergo.apiauth.domain.model.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;

/** Makes new credentials: the clear value (shown once) and what may be stored (digest, hint). */
@ApplicationScoped
public class CredentialIssuer {

    private final SecureRandom random = new SecureRandom();

    @Inject
    SecretDigester digester;

    public Issued newPersonalAccessToken() {
        var token = TokenFormat.newPat(random);
        return new Issued(null, token, digester.digest(token), TokenFormat.patHint(token));
    }

    public Issued newApiKey() {
        var id = Ids.timeOrdered();
        var key = TokenFormat.newApiKey(random, id);
        return new Issued(id, key, digester.digest(key), TokenFormat.apiKeyHint(key));
    }

    /** A fresh credential. {@code secret} goes to the client once and nowhere else. */
    public record Issued(String id, String secret, String digest, String hint) {

        @Override
        public String toString() {
            return "Issued[id=" + id + ", hint=" + hint + "]";
        }
    }
}
