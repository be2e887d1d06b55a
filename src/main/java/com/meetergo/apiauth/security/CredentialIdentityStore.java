package com.meetergo.apiauth.security;

import com.meetergo.apiauth.domain.model.credential.Credential;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.credential.SecretDigester;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;

/**
 * What the two identity stores share, written once: what they read (the {@link VerificationCache}, never the database
 * on a warm request), the digester, and the checks a credential passes once its secret is proven, in the contract's
 * order — its status now (never left to the sweep), then its IP allowlist, then whether the company's plan includes its
 * type. Each store adds only how its credential is found and whom it acts as.
 */
abstract class CredentialIdentityStore implements IdentityStore {

    @Inject
    VerificationCache cache;

    @Inject
    SecretDigester digester;

    @Inject
    Clock clock;

    @Inject
    UsageCounts usage;

    /**
     * Throws the contract's refusal for a proven {@code credential} used from {@code clientAddress}, or returns when it
     * may act. A refusal counts as the credential's refused request (its usage figures).
     */
    void requireUsable(Credential credential, CredentialType type, String clientAddress) {
        var refusal = switch (credential.statusAt(clock.instant())) {
            case ACTIVE -> null;
            case EXPIRED -> new CredentialRejectedException(ContractError.EXPIRED_CREDENTIAL);
            case DEACTIVATED -> new CredentialRejectedException(ContractError.DEACTIVATED_CREDENTIAL);
            case REVOKED -> CredentialRejectedException.revoked();
        };
        // The fence, before anything else about the company: from outside it, a holder of the secret
        // learns only that it is fenced (not the plan, not which users exist).
        if (refusal == null && !credential.allowedIps().permits(clientAddress)) {
            refusal = new CredentialRejectedException(ContractError.IP_NOT_ALLOWED);
        }
        // The plan, once the secret is proven (only its holder learns it), before the user header.
        if (refusal == null && !cache.planOf(credential.companyId()).includes(type)) {
            refusal = new CredentialRejectedException(
                    type == CredentialType.API_KEY ? ContractError.API_KEY_NOT_IN_PLAN : ContractError.PAT_NOT_IN_PLAN);
        }
        if (refusal != null) {
            usage.refused(credential.id());
            throw refusal;
        }
    }
}
