package com.meetergo.apiauth.security;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.NOT_VALIDATED_RESULT;

import com.meetergo.apiauth.domain.model.credential.ApiKey;
import com.meetergo.apiauth.domain.model.credential.ApiKeyRepository;
import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import com.meetergo.apiauth.domain.model.user.User;
import com.meetergo.apiauth.domain.model.user.UserRepository;
import com.meetergo.apiauth.rest.error.ContractError;
import com.meetergo.apiauth.security.credential.ApiKeyCredential;
import com.meetergo.apiauth.security.credential.SecretDigester;
import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.security.credential.UserHeader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;

/** Validates Platform API Keys and resolves the user the request acts as. */
@ApplicationScoped
public class ApiKeyIdentityStore implements IdentityStore {

    @Inject
    ApiKeyRepository keys;

    @Inject
    UserRepository users;

    @Inject
    SecretDigester digester;

    @Inject
    Clock clock;

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
        var key = keys.find(id.get()).orElse(null);
        if (key == null || !SecretDigester.same(digest, key.secretDigest())) {
            return INVALID_RESULT;
        }
        var status = key.statusAt(clock.instant());
        if (status == CredentialStatus.EXPIRED) {
            throw new CredentialRejectedException(ContractError.EXPIRED_CREDENTIAL);
        }
        if (status != CredentialStatus.ACTIVE) {
            return INVALID_RESULT;
        }
        var user = actingUser(key, sent.actingUserHeader());
        var caller = new Caller(key.companyId(), user.id(), user.role(), CredentialType.API_KEY, key.id(),
                sent.actingUserHeader() == null);
        return new CredentialValidationResult(new ApiCallerPrincipal(caller),
                Roles.groupsFor(CredentialType.API_KEY, user.role()));
    }

    private User actingUser(ApiKey key, String header) {
        if (header == null) {
            return users.ownerOf(key.companyId());
        }
        var userId = UserHeader.userId(header)
                .orElseThrow(() -> new CredentialRejectedException(ContractError.MALFORMED_USER_HEADER));
        return users.find(userId).filter(u -> u.belongsTo(key.companyId()))
                .orElseThrow(() -> new CredentialRejectedException(ContractError.USER_NOT_IN_COMPANY));
    }
}
