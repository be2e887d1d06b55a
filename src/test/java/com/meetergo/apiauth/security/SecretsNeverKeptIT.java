package com.meetergo.apiauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.meetergo.apiauth.support.Api;
import com.meetergo.apiauth.support.InContainerTest;
import com.meetergo.apiauth.support.Tenant;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Plants canary credentials, sends them every way a client might (valid, tampered, in the wrong header, in the query
 * string), then searches every table of the database and every file the server wrote (logs, FFDC, database files) for
 * them. Only the initial-owner-token file, made to hand that one token over, may hold a secret.
 */
class SecretsNeverKeptIT extends InContainerTest {

    @Deployment
    public static WebArchive deployment() {
        return war(NO_SWEEP);
    }

    @Resource(lookup = "jdbc/apiauth")
    DataSource database;

    @Inject
    @ConfigProperty(name = "apiauth.secrets.dir")
    String secretsDir;

    @Test
    void noCanarySecretInDatabaseOrServerFiles() throws Exception {
        var tenant = Tenant.create();
        var member = tenant.user("MEMBER");
        var key = tenant.apiKey();
        var memberToken = tenant.tokenOf(member);
        var canaries = List.of(secretOf(key), secretOf(memberToken), secretOf(tenant.ownerToken()));

        Api.get("/v4/user/me").bearer(key).send();
        Api.get("/v4/user/me").bearer(key).actingAs(member).send();
        Api.get("/v4/user/me").bearer(memberToken).send();
        Api.get("/v4/user/me").bearer(key + "x").send();
        Api.get("/v4/user/me")
                .bearer(memberToken.substring(0, memberToken.length() - 1))
                .send();
        Api.get("/v4/user/me").bearer(memberToken).actingAs(memberToken).send();
        Api.get("/v4/user/me").bearer(key).actingAs(key).send();
        Api.get("/v4/user/me?access_token=" + memberToken).send();
        Api.post("/v4/api-key", "{\"expiresInDays\": \"" + key + "\"}")
                .bearer(tenant.ownerToken())
                .send();

        var serverDir = Path.of(secretsDir).getParent();
        // The access log is written in the background: a last request of its own is the flush barrier.
        var barrier = "/v4/log-barrier-" + UUID.randomUUID();
        Api.get(barrier + "?access_token=" + memberToken).send();
        var accessLog = serverDir.resolve("logs/http_access.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(Files.exists(accessLog) && Files.readString(accessLog).contains(barrier))
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000_000L);
        }
        assertTrue(
                Files.readString(accessLog).contains("GET " + barrier + "\""),
                "the access log records requests, without their query string");

        var hits = new ArrayList<String>();
        hits.addAll(databaseHits(canaries));
        for (var folder : List.of("logs", "data", "tranlog")) {
            hits.addAll(fileHits(serverDir.resolve(folder), canaries));
        }
        // The search itself works: it finds what is meant to be there (a key id, a start-up message).
        assertTrue(!databaseHits(List.of(key.split(":")[1])).isEmpty(), "database search finds a key id");
        assertTrue(!fileHits(serverDir.resolve("logs"), List.of("CWWKE0001I")).isEmpty(), "log search works");
        System.out.println(
                "canary secrets planted: " + canaries.size() + ", hits in database and server files: " + hits.size());
        assertEquals(List.of(), hits);
    }

    /** The random part: what must never appear, whatever surrounds it. */
    private static String secretOf(String credential) {
        var secret = credential.substring(credential.lastIndexOf(credential.startsWith("rgo-") ? '-' : ':') + 1);
        assertTrue(secret.length() >= 36, secret.length() + " characters");
        return secret;
    }

    private List<String> databaseHits(List<String> canaries) throws SQLException {
        var hits = new ArrayList<String>();
        try (var connection = database.getConnection()) {
            var tables = new ArrayList<String>();
            try (var rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    var schema = rs.getString("TABLE_SCHEM");
                    if (schema == null
                            || !schema.equalsIgnoreCase("information_schema")
                                    && !schema.toLowerCase().startsWith("pg_")) {
                        var name = '"' + rs.getString("TABLE_NAME") + '"';
                        tables.add(schema == null ? name : '"' + schema + "\"." + name);
                    }
                }
            }
            assertTrue(tables.size() >= 6, tables::toString);
            for (var table : tables) {
                try (var statement = connection.createStatement();
                        var rs = statement.executeQuery("select * from " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            var value = rs.getString(c);
                            for (var canary : canaries) {
                                if (value != null && value.contains(canary)) {
                                    hits.add(table + "." + rs.getMetaData().getColumnName(c));
                                }
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static List<String> fileHits(Path folder, List<String> canaries) throws IOException {
        var hits = new ArrayList<String>();
        if (!Files.isDirectory(folder)) {
            return hits;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (var canary : canaries) {
                    if (content.contains(canary)) {
                        hits.add(file.toString());
                    }
                }
            }
        }
        return hits;
    }
}
