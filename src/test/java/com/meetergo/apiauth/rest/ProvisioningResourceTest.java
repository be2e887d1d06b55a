package com.meetergo.apiauth.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.meetergo.apiauth.rest.dto.ProvisionCompanyRequest;
import com.meetergo.apiauth.domain.shared.DomainException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without a provisioning secret configured, the sign-up endpoint does not exist. */
class ProvisioningResourceTest {

    private static final ProvisionCompanyRequest BODY = new ProvisionCompanyRequest("Acme",
            new ProvisionCompanyRequest.Owner("o@example.com", "O", "W"));

    @Test
    void withoutConfiguredSecretTheEndpointIsNotFound() {
        var resource = new ProvisioningResource();
        resource.secret = Optional.empty();
        var absent = assertThrows(DomainException.class, () -> resource.provision("anything", BODY));
        assertEquals(DomainException.Kind.NOT_FOUND, absent.kind());
        assertEquals("Not Found", absent.getMessage());
        resource.secret = Optional.of("   ");
        assertEquals(DomainException.Kind.NOT_FOUND,
                assertThrows(DomainException.class, () -> resource.provision(null, BODY)).kind());
    }
}
