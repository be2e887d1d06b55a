package com.meetergo.apiauth.security;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.NOT_VALIDATED_RESULT;

import com.meetergo.apiauth.domain.model.credential.ApiKey;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.credential.ApiKeyCredential;
import com.meetergo.apiauth.security.credential.SecretDigester;
import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.security.credential.UserHeader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

/** Validates Platform API Keys and resolves the user the request acts as. */
@ApplicationScoped
public class ApiKeyIdentityStore extends CredentialIdentityStore {

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof ApiKeyCredential sent)) {
            return NOT_VALIDATED_RESULT;
        }
        var id = TokenFormat.apiKeyId(sent.key());
        if (id.isEmpty()) {
            return INVALID_RESULT;
        }
        // Digest first, whether the id exists or not: the time taken tells nothing about the id.
        var digest = digester.digest(sent.key());
        var key = cache.apiKey(id.get()).orElse(null);
        if (key == null) {
            return INVALID_RESULT;
        }
        if (!SecretDigester.same(digest, key.secretDigest())) {
            // a wrong secret for a key that exists: its holder may want to know (usage figures)
            usage.failed(key.id());
            return INVALID_RESULT;
        }
        requireUsable(key, CredentialType.API_KEY, sent.clientAddress());
        var caller = callerFor(key, sent.actingUserHeader());
        return new CredentialValidationResult(new ApiCallerPrincipal(caller), Roles.groupsFor(caller));
    }

    /** The user the request names; the key is valid either way, the user context may not be. */
    private Caller callerFor(ApiKey key, String header) {
        if (header == null) {
            return Caller.acting(key, CredentialType.API_KEY, cache.ownerOf(key.companyId()), true);
        }
        var userId = UserHeader.userId(header);
        if (userId.isEmpty()) {
            return Caller.rejected(key, CredentialType.API_KEY, ContractError.MALFORMED_USER_HEADER);
        }
        return cache.user(userId.get())
                .filter(u -> u.belongsTo(key.companyId()))
                .map(u -> Caller.acting(key, CredentialType.API_KEY, u, false))
                .orElseGet(() -> Caller.rejected(key, CredentialType.API_KEY, ContractError.USER_NOT_IN_COMPANY));
    }
}
