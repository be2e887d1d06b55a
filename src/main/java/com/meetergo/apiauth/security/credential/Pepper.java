package com.meetergo.apiauth.security.credential;

import com.meetergo.apiauth.infrastructure.config.SecretsDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server-side key of the credential digests: {@code apiauth.pepper} (env APIAUTH_PEPPER) when set, else the file
 * {@code secrets/pepper}, generated at the first start.
 */
@ApplicationScoped
public class Pepper {

    private static final Logger LOG = Logger.getLogger(Pepper.class.getName());
    private static final int MIN_LENGTH = 32;

    @Inject
    @ConfigProperty(name = "apiauth.pepper")
    Optional<String> configured;

    @Inject
    SecretsDirectory secrets;

    private byte[] bytes;

    @PostConstruct
    void load() {
        if (configured.isPresent() && !configured.get().isBlank()) {
            bytes = configured.get().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_LENGTH) {
                throw new IllegalStateException("apiauth.pepper must be at least " + MIN_LENGTH + " bytes long");
            }
            return;
        }
        bytes = fromFile();
    }

    byte[] bytes() {
        return bytes.clone();
    }

    private byte[] fromFile() {
        var file = secrets.file("pepper");
        try {
            var fresh = new byte[MIN_LENGTH];
            new SecureRandom().nextBytes(fresh);
            secrets.createOwnerOnly(file, Base64.getEncoder().encodeToString(fresh));
            LOG.info(() -> "Generated a new pepper (the key of the stored digests) at " + file
                    + "; every server of this database must use the same one");
        } catch (FileAlreadyExistsException e) {
            // Another start (or another server on the same directory) made it first: use theirs.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
