package com.meetergo.apiauth.security;

import com.meetergo.apiauth.domain.model.credential.CredentialType;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.NOT_VALIDATED_RESULT;

import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.credential.PersonalAccessTokenCredential;
import com.meetergo.apiauth.security.credential.SecretDigester;
import com.meetergo.apiauth.security.credential.TokenFormat;
import com.meetergo.apiauth.security.credential.UserHeader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;

/** Validates Personal Access Tokens: the request acts as the token's owner, always. */
@ApplicationScoped
public class PersonalAccessTokenIdentityStore implements IdentityStore {

    @Inject
    VerificationCache cache;

    @Inject
    SecretDigester digester;

    @Inject
    Clock clock;

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
        var status = token.statusAt(clock.instant());
        if (status == CredentialStatus.EXPIRED) {
            throw new CredentialRejectedException(ContractError.EXPIRED_CREDENTIAL);
        }
        if (status == CredentialStatus.DEACTIVATED) {
            throw new CredentialRejectedException(ContractError.DEACTIVATED_CREDENTIAL);
        }
        if (status == CredentialStatus.REVOKED) {
            throw CredentialRejectedException.revoked();
        }
        if (status != CredentialStatus.ACTIVE) {
            return INVALID_RESULT;
        }
        var owner = cache.user(token.userId()).orElse(null);
        if (owner == null || !owner.belongsTo(token.companyId())) {
            return INVALID_RESULT;
        }
        // The plan, once the secret is proven (only its holder learns it), before the user header.
        if (!cache.planOf(token.companyId()).includes(CredentialType.PERSONAL_ACCESS_TOKEN)) {
            throw new CredentialRejectedException(ContractError.PAT_NOT_IN_PLAN);
        }
        var caller = namesAnotherUser(sent.actingUserHeader(), owner.id())
                ? Caller.rejected(owner.companyId(), CredentialType.PERSONAL_ACCESS_TOKEN, token.id(),
                        ContractError.PAT_WITH_USER_HEADER)
                : Caller.acting(owner.companyId(), owner.id(), owner.role(), CredentialType.PERSONAL_ACCESS_TOKEN,
                        token.id(), false);
        return new CredentialValidationResult(new ApiCallerPrincipal(caller), Roles.groupsFor(caller));
    }

    /** Naming the token's own owner is harmless; any other value (malformed ones too) is not. */
    private static boolean namesAnotherUser(String header, String ownerId) {
        return header != null && !UserHeader.userId(header).map(ownerId::equals).orElse(false);
    }
}
