package com.meetergo.apiauth.infrastructure.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * An upgrade from the schema before credentials held an authority: the credentials already there get theirs from their
 * lineage — what an admin's request minted holds the admin's authority, to any depth, even where it acted as the owner.
 * On the build's database (a schema of its own on PostgreSQL, an in-memory H2 otherwise), through Flyway and the
 * shipped migrations.
 */
class CredentialAuthorityUpgradeIT {

    @Test
    void existingCredentialsTakeTheAuthorityOfTheirLineage() throws SQLException {
        var schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = connect(schema)) {
            flyway(connection, schema).target("14").load().migrate();
            try (var statement = connection.createStatement()) {
                statement.execute("insert into company (id, name, created_at) values ('c', 'Company', now())");
                for (var user : new String[][] {{"owner", "OWNER"}, {"admin", "ADMIN"}, {"member", "MEMBER"}}) {
                    statement.execute("insert into app_user (id, company_id, email, given_name, family_name, role,"
                            + " active, created_at) values ('" + user[0] + "', 'c', '" + user[0] + "@example.com',"
                            + " 'G', 'F', '" + user[1] + "', true, now())");
                }
                // id, holder or creator, minted_by, seconds after the first
                pat(statement, "owner-first", "owner", null, 0);
                pat(statement, "admin-pat", "admin", "owner-key", 2);
                key(statement, "owner-key", "owner", "owner-first", 1);
                key(statement, "admin-key-as-owner", "owner", "admin-pat", 3);
                pat(statement, "owner-pat-via-admin", "owner", "admin-key-as-owner", 4);
                key(statement, "grandchild", "owner", "owner-pat-via-admin", 5);
                pat(statement, "member-pat", "member", "owner-key", 6);
                key(statement, "before-minters", "owner", null, 7);
            }
            flyway(connection, schema).load().migrate();
            var authority = new HashMap<String, String>();
            try (var statement = connection.createStatement()) {
                for (var table : new String[] {"api_key", "personal_access_token"}) {
                    try (var rows = statement.executeQuery("select id, authority from " + table)) {
                        while (rows.next()) {
                            authority.put(rows.getString(1), rows.getString(2));
                        }
                    }
                }
                if (isPostgres()) {
                    statement.execute("drop schema " + schema + " cascade");
                }
            }
            assertEquals(
                    Map.of(
                            "owner-first",
                            "OWNER",
                            "owner-key",
                            "OWNER",
                            "admin-pat",
                            "ADMIN",
                            "admin-key-as-owner",
                            "ADMIN",
                            "owner-pat-via-admin",
                            "ADMIN",
                            "grandchild",
                            "ADMIN",
                            "member-pat",
                            "MEMBER",
                            "before-minters",
                            "OWNER"),
                    authority);
        }
    }

    private static void pat(Statement statement, String id, String user, String mintedBy, int second)
            throws SQLException {
        statement.execute("insert into personal_access_token (id, user_id, company_id, name, secret_digest, hint,"
                + " created_at, minted_by) values ('" + id + "', '" + user + "', 'c', 'n', 'd-" + id + "', 'h',"
                + " timestamp '2026-01-01 00:00:0" + second + "', " + quoted(mintedBy) + ")");
    }

    private static void key(Statement statement, String id, String creator, String mintedBy, int second)
            throws SQLException {
        statement.execute("insert into api_key (id, company_id, name, secret_digest, hint, created_by, created_at,"
                + " expires_at, minted_by) values ('" + id + "', 'c', 'n', 'd', 'h', '" + creator + "',"
                + " timestamp '2026-01-01 00:00:0" + second + "', timestamp '2027-01-01 00:00:00', "
                + quoted(mintedBy) + ")");
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }

    private static boolean isPostgres() {
        return "postgresql".equals(System.getProperty("db.kind"));
    }

    private static Connection connect(String schema) throws SQLException {
        if (!isPostgres()) {
            return DriverManager.getConnection("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1");
        }
        var connection = DriverManager.getConnection(
                "jdbc:postgresql://" + System.getProperty("it.db.host") + ":" + System.getProperty("it.db.port") + "/"
                        + System.getProperty("it.db.name"),
                System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
        try (var statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
            statement.execute("set search_path to " + schema);
        }
        return connection;
    }

    private static FluentConfiguration flyway(Connection connection, String schema) {
        var url = connectionUrl(connection);
        var user = isPostgres() ? System.getProperty("it.db.user") : "";
        var password = isPostgres() ? System.getProperty("it.db.password") : "";
        return Flyway.configure()
                .dataSource(url, user, password)
                .schemas(isPostgres() ? schema : "PUBLIC")
                .locations("classpath:db/migration")
                .javaMigrations(new V8__Company_plan(), new V15__Credential_authority());
    }

    private static String connectionUrl(Connection connection) {
        try {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
