package com.meetergo.apiauth.security;

import com.meetergo.apiauth.domain.model.credential.Credential;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.credential.SecretDigester;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;

/**
 * What the two identity stores share, written once: what they read (the {@link VerificationCache},
 * never the database on a warm request), the digester, and the checks a credential passes once its
 * secret is proven, in the contract's order — its status now (never left to the sweep), then
 * whether the company's plan includes its type. Each store adds only how its credential is found
 * and whom it acts as.
 */
abstract class CredentialIdentityStore implements IdentityStore {

    @Inject
    VerificationCache cache;

    @Inject
    SecretDigester digester;

    @Inject
    Clock clock;

    /** Throws the contract's refusal for a proven {@code credential}, or returns when it may act. */
    void requireUsable(Credential credential, CredentialType type) {
        switch (credential.statusAt(clock.instant())) {
            case ACTIVE -> {
            }
            case EXPIRED -> throw new CredentialRejectedException(ContractError.EXPIRED_CREDENTIAL);
            case DEACTIVATED -> throw new CredentialRejectedException(ContractError.DEACTIVATED_CREDENTIAL);
            case REVOKED -> throw CredentialRejectedException.revoked();
        }
        // The plan, once the secret is proven (only its holder learns it), before the user header.
        if (!cache.planOf(credential.companyId()).includes(type)) {
            throw new CredentialRejectedException(type == CredentialType.API_KEY
                    ? ContractError.API_KEY_NOT_IN_PLAN : ContractError.PAT_NOT_IN_PLAN);
        }
    }
}
