package com.meetergo.apiauth.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
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

    /**
     * Creates the file with mode 600 and writes it through the handle that created it (CREATE_NEW: fails with
     * FileAlreadyExistsException when it exists), so that nobody can swap the path between the creation and the write.
     */
    public void createOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(
                file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try (var channel = Files.newByteChannel(
                file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            var bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }
}
