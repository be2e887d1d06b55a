package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import com.meetergo.apiauth.domain.model.credential.PersonalAccessTokenRepository;
import com.meetergo.apiauth.infrastructure.config.SecretsDirectory;
import com.meetergo.apiauth.security.credential.SecretDigester;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The first start's owner token is handed over in {@code secrets/initial-owner-token}; the file is removed once the
 * token has done its job: when the owner has rotated it (the successor's secret went to the caller only), revoked it,
 * or it has ended (a deactivated token keeps it: that is reversible). Checked every minute on every server (a
 * non-persistent timer: the file is on the server that wrote it) while the file exists.
 */
@Startup
@Singleton
public class InitialOwnerTokenFile {

    private static final Logger LOG = Logger.getLogger(InitialOwnerTokenFile.class.getName());
    public static final String NAME = "initial-owner-token";

    @Inject
    SecretsDirectory secrets;

    @Inject
    SecretDigester digester;

    @Inject
    PersonalAccessTokenRepository tokens;

    @Inject
    Clock clock;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void everyMinute() {
        try {
            removeIfDone(secrets.file(NAME));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not check {0}: {1}", new Object[] {
                NAME, e.getClass().getName()
            });
        }
    }

    /** Removes {@code file} when the token in it is no longer the owner's live, unrotated token. */
    public boolean removeIfDone(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            var token = Files.readString(file, StandardCharsets.UTF_8).strip();
            var now = clock.instant();
            // deactivated is reversible: the file stays, the owner may activate the token again
            var live = tokens.withDigest(digester.digest(token))
                    .filter(t -> t.lifecycle().replacedBy() == null
                            && (t.statusAt(now) == CredentialStatus.ACTIVE
                                    || t.statusAt(now) == CredentialStatus.DEACTIVATED));
            if (live.isPresent()) {
                return false;
            }
            Files.delete(file);
            LOG.info(() -> "Removed " + file + ": the first owner token was rotated, revoked or has ended");
            return true;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not read or remove {0}: {1}", new Object[] {
                file, e.getClass().getName()
            });
            return false;
        }
    }
}
