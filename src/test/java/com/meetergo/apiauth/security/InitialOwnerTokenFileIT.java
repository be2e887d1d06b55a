package com.meetergo.apiauth.security;

import static com.meetergo.apiauth.support.ApiAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.application.InitialOwnerTokenFile;
import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.inject.Inject;
import java.nio.file.Files;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The first start's token file is no permanent owner credential lying around: it is removed once the owner has rotated
 * the token (even within its grace period) or revoked it, and kept while the token is live or only deactivated. (In the
 * server, against files of the test's own.)
 */
class InitialOwnerTokenFileIT extends InContainerTest {

    @Deployment
    public static WebArchive deployment() {
        return war(NO_SWEEP);
    }

    @Inject
    InitialOwnerTokenFile files;

    @Test
    void theFileGoesOnceTheOwnerHasRotatedOrRevokedTheToken() throws Exception {
        var tenant = Tenant.create();
        var file = Files.createTempFile("initial-owner-token", "");
        Files.writeString(file, tenant.ownerToken() + "\n");
        assertFalse(files.removeIfDone(file));
        var ownerTokenId = Api.get("/v4/personal-access-token")
                .bearer(tenant.ownerToken())
                .send()
                .array()
                .getJsonObject(0)
                .getString("id");
        var spare = tenant.tokenOf(tenant.ownerId());
        assertStatus(
                Api.post("/v4/personal-access-token/" + ownerTokenId + "/deactivate", "{}")
                        .bearer(spare)
                        .send(),
                204);
        assertFalse(files.removeIfDone(file), "deactivated: reversible, the file stays");
        assertTrue(Files.exists(file));
        assertStatus(
                Api.post("/v4/personal-access-token/" + ownerTokenId + "/activate", "{}")
                        .bearer(spare)
                        .send(),
                204);

        var rotated = Api.post("/v4/personal-access-token/self/rotate", "{\"gracePeriodSeconds\": 3600}")
                .bearer(tenant.ownerToken())
                .send();
        assertStatus(rotated, 201);
        assertStatus(Api.get("/v4/user/me").bearer(tenant.ownerToken()).send(), 200);
        assertTrue(files.removeIfDone(file), "rotated (still in its grace period)");
        assertFalse(Files.exists(file));

        var second = Files.createTempFile("initial-owner-token", "");
        Files.writeString(second, rotated.string("token") + "\n");
        assertStatus(
                Api.delete("/v4/personal-access-token/" + rotated.string("id"))
                        .bearer(spare)
                        .send(),
                204);
        assertTrue(files.removeIfDone(second), "revoked");
        assertFalse(Files.exists(second));
    }
}
