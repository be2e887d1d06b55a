package com.meetergo.apiauth.security;

import com.meetergo.apiauth.domain.model.credential.Credential;
import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.security.contract.ContractError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The checks both identity stores make, written once, in the contract's order, on a credential
 * whose secret is proven: its status now (never left to the sweep), then whether the company's plan
 * includes its type. Each refusal is the contract's answer; a proven credential passes silently.
 * Everything read comes from the {@link VerificationCache}: no database read on a warm request.
 */
@ApplicationScoped
public class ProvenCredentials {

    @Inject
    VerificationCache cache;

    @Inject
    Clock clock;

    /** Throws the refusal for {@code credential}, or returns when it may act. */
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
