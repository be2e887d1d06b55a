package com.meetergo.apiauth.security;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.NOT_VALIDATED_RESULT;

import com.meetergo.apiauth.security.credential.ApiKeyCredential;
import com.meetergo.apiauth.security.credential.PersonalAccessTokenCredential;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;

/**
 * Hands each credential to the one identity store of its type. Replaces the container's default handler (an application
 * may supply its own), which asks every store in priority order through a reflective proxy call and then every
 * group-providing store again: with exactly one store per credential type that is all cost (bench/run's profile,
 * docs/benchmark.md) and no choice to make.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class CredentialTypeIdentityStoreHandler implements IdentityStoreHandler {

    @Inject
    PersonalAccessTokenIdentityStore personalAccessTokens;

    @Inject
    ApiKeyIdentityStore apiKeys;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof PersonalAccessTokenCredential) {
            return personalAccessTokens.validate(credential);
        }
        if (credential instanceof ApiKeyCredential) {
            return apiKeys.validate(credential);
        }
        return NOT_VALIDATED_RESULT;
    }
}
