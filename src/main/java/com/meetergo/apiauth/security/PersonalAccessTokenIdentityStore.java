package com.meetergo.apiauth.security;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.NOT_VALIDATED_RESULT;

import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.credential.PersonalAccessTokenCredential;
import com.meetergo.apiauth.security.credential.SecretDigester;
import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.security.credential.UserHeader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

/** Validates Personal Access Tokens: the request acts as the token's owner, always. */
@ApplicationScoped
public class PersonalAccessTokenIdentityStore extends CredentialIdentityStore {

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof PersonalAccessTokenCredential sent)) {
            return NOT_VALIDATED_RESULT;
        }
        if (!TokenFormat.isWellFormedPat(sent.token())) {
            return INVALID_RESULT;
        }
        var digest = digester.digest(sent.token());
        var token = cache.tokenWithDigest(digest).orElse(null);
        if (token == null || !SecretDigester.same(digest, token.secretDigest())) {
            return INVALID_RESULT;
        }
        requireUsable(token, CredentialType.PERSONAL_ACCESS_TOKEN, sent.clientAddress());
        var owner = cache.user(token.userId()).orElse(null);
        if (owner == null || !owner.belongsTo(token.companyId())) {
            return INVALID_RESULT;
        }
        var caller = namesAnotherUser(sent.actingUserHeader(), owner.id())
                ? Caller.rejected(token, CredentialType.PERSONAL_ACCESS_TOKEN, ContractError.PAT_WITH_USER_HEADER)
                : Caller.acting(token, CredentialType.PERSONAL_ACCESS_TOKEN, owner, false);
        return new CredentialValidationResult(new ApiCallerPrincipal(caller), Roles.groupsFor(caller));
    }

    /** Naming the token's own owner is harmless; any other value (malformed ones too) is not. */
    private static boolean namesAnotherUser(String header, String ownerId) {
        return header != null && !UserHeader.userId(header).map(ownerId::equals).orElse(false);
    }
}
