package com.meetergo.apiauth.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The server's {@code secrets/} directory: files only the server's user can read. */
@ApplicationScoped
public class SecretsDirectory {

    @Inject
    @ConfigProperty(name = "apiauth.secrets.dir")
    String directory;

    public Path file(String name) {
        return Path.of(directory).resolve(name);
    }

    /** Creates the file with mode 600; fails with FileAlreadyExistsException when it exists. */
    public void createOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent(),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
