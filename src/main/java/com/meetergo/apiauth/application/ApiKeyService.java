package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.credential.ApiKey;
import com.meetergo.apiauth.domain.model.credential.ApiKeyRepository;
import com.meetergo.apiauth.domain.shared.DomainException;
import com.meetergo.apiauth.security.Caller;
import com.meetergo.apiauth.security.credential.CredentialIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Platform API Keys of the caller's company (who may call this is decided by the resource's roles). */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    @Inject
    ApiKeyRepository keys;

    @Inject
    CredentialIssuer issuer;

    @Inject
    Clock clock;

    public NewKey create(Caller caller, String name, int expiresInDays) {
        var now = clock.instant();
        var issued = issuer.newApiKey();
        var key = new ApiKey(issued.id(), caller.companyId(), name, issued.digest(), issued.hint(), caller.userId(),
                now, now.plus(Duration.ofDays(expiresInDays)));
        keys.add(key);
        return new NewKey(key, issued.secret());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKey> list(Caller caller) {
        return keys.ofCompany(caller.companyId());
    }

    public void revoke(Caller caller, String id) {
        keys.find(id).filter(k -> k.companyId().equals(caller.companyId()))
                .orElseThrow(() -> DomainException.notFound("API key"))
                .revoke(clock.instant());
    }

    /** A just-created key; {@code secret} is the whole key, shown once. */
    public record NewKey(ApiKey key, String secret) {

        @Override
        public String toString() {
            return "NewKey[id=" + key.id() + "]";
        }
    }
}
