package com.meetergo.apiauth.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** On an empty database the server made the first company and handed its owner's PAT over in a file. */
class FirstStartIT extends ApiTest {

    private static final Path SECRETS = Path.of(System.getProperty("it.server.dir"), "secrets");

    @Test
    void initialOwnerTokenFileIsPrivateAndActsAsTheBootstrapOwner() throws Exception {
        var file = SECRETS.resolve("initial-owner-token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(SECRETS)));
        var token = Files.readString(file).strip();
        var me = Api.get("/v4/user/me").bearer(token).send();
        assertEquals(200, me.status(), me::toString);
        assertEquals("owner@example.com", me.string("email"));
        assertEquals("OWNER", me.string("role"));
    }

    @Test
    void pepperWasGeneratedOnceAndIsPrivate() throws Exception {
        var pepper = SECRETS.resolve("pepper");
        // The PostgreSQL run configures the pepper (its two servers share it): then none is generated.
        Assumptions.assumeFalse(
                "postgresql".equals(System.getProperty("db.kind")),
                "the PostgreSQL run sets apiauth.pepper for both of its servers");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pepper)));
        assertTrue(Base64.getDecoder().decode(Files.readString(pepper).strip()).length >= 32);
    }
}
