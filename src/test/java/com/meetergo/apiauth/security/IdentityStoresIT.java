package com.meetergo.apiauth.security;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.INVALID;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.NOT_VALIDATED;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.credential.Scopes;
import com.meetergo.apiauth.domain.model.user.Role;
import com.meetergo.apiauth.security.contract.ContractError;
import com.meetergo.apiauth.security.credential.ApiKeyCredential;
import com.meetergo.apiauth.security.credential.PersonalAccessTokenCredential;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** The identity stores, called directly inside the server against the real database. */
class IdentityStoresIT extends InContainerTest {

    private static final String LOOPBACK = "127.0.0.1";

    @Deployment
    public static WebArchive deployment() {
        return war(NO_SWEEP);
    }

    @Inject
    ApiKeyIdentityStore apiKeys;

    @Inject
    PersonalAccessTokenIdentityStore tokens;

    @Test
    void storesLeaveOtherCredentialTypesAlone() {
        var other = new UsernamePasswordCredential("user", "password");
        assertEquals(NOT_VALIDATED, apiKeys.validate(other).getStatus());
        assertEquals(NOT_VALIDATED, tokens.validate(other).getStatus());
        assertEquals(
                NOT_VALIDATED,
                apiKeys.validate(new PersonalAccessTokenCredential("rgo-x", null, LOOPBACK))
                        .getStatus());
        assertEquals(
                NOT_VALIDATED,
                tokens.validate(new ApiKeyCredential("ak_live:x", null, LOOPBACK))
                        .getStatus());
    }

    @Test
    void apiKeyActingAsAnAdminGetsAdminAndUserManagerGroups() {
        var tenant = Tenant.create();
        var admin = tenant.user("ADMIN");
        var key = tenant.apiKey();
        var result = apiKeys.validate(new ApiKeyCredential(key, admin, LOOPBACK));
        assertEquals(VALID, result.getStatus());
        assertEquals(Set.of(Roles.ADMIN, Roles.USER_MANAGER), result.getCallerGroups());
        var caller = ((ApiCallerPrincipal) result.getCallerPrincipal()).caller();
        assertEquals(
                new Caller(
                        tenant.companyId(),
                        admin,
                        Role.ADMIN,
                        CredentialType.API_KEY,
                        key.split(":")[1],
                        Scopes.FULL,
                        false,
                        null,
                        Role.OWNER,
                        caller.issuedAt(),
                        caller.endsAt()),
                caller);
    }

    @Test
    void patOfTheOwnerGetsOnlyTheOwnerGroup() {
        var tenant = Tenant.create();
        var result = tokens.validate(new PersonalAccessTokenCredential(tenant.ownerToken(), null, LOOPBACK));
        assertEquals(VALID, result.getStatus());
        assertEquals(Set.of(Roles.OWNER), result.getCallerGroups());
        assertEquals(tenant.ownerId(), result.getCallerPrincipal().getName());
    }

    @Test
    void wrongSecretsAreInvalid() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var flipped = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        assertEquals(
                INVALID,
                apiKeys.validate(new ApiKeyCredential(flipped, null, LOOPBACK)).getStatus());
        var token = tenant.ownerToken();
        var other = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertEquals(
                INVALID,
                tokens.validate(new PersonalAccessTokenCredential(other, null, LOOPBACK))
                        .getStatus());
    }

    @Test
    void userContextsThatCannotBeHonouredGiveNoUserNoGroupAndTheContractsAnswer() {
        var tenant = Tenant.create();
        var stranger = Tenant.create();
        assertRejected(
                apiKeys.validate(new ApiKeyCredential(tenant.apiKey(), stranger.ownerId(), LOOPBACK)),
                ContractError.USER_NOT_IN_COMPANY);
        assertRejected(
                apiKeys.validate(new ApiKeyCredential(tenant.apiKey(), "nobody", LOOPBACK)),
                ContractError.MALFORMED_USER_HEADER);
        assertRejected(
                tokens.validate(new PersonalAccessTokenCredential(tenant.ownerToken(), stranger.ownerId(), LOOPBACK)),
                ContractError.PAT_WITH_USER_HEADER);
    }

    private static void assertRejected(CredentialValidationResult result, ContractError expected) {
        assertEquals(VALID, result.getStatus());
        assertEquals(Set.of(), result.getCallerGroups());
        var caller = ((ApiCallerPrincipal) result.getCallerPrincipal()).caller();
        assertEquals(expected, caller.rejection());
        assertNull(caller.userId());
        assertNull(caller.role());
    }

    @Test
    void credentialsHideTheirSecretInToString() {
        var tenant = Tenant.create();
        var key = tenant.apiKey();
        var text = new ApiKeyCredential(key, null, LOOPBACK) + " "
                + new PersonalAccessTokenCredential(tenant.ownerToken(), null, LOOPBACK);
        assertFalse(text.contains(key.substring(key.lastIndexOf(':') + 1)), text);
        assertFalse(text.contains(tenant.ownerToken().substring(4)), text);
        assertTrue(text.contains("<hidden>"), text);
    }
}
