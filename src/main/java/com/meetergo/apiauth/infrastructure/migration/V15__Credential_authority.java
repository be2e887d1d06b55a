package com.meetergo.apiauth.infrastructure.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 15: each credential's authority, the most it may do whoever it acts as. From now on the minting request sets
 * it; for the credentials already there it is worked out along their lineage, oldest first (a minter is always older
 * than what it minted): the role of the user the minting request acted as (a PAT's holder, a key's creator), capped by
 * the minter's own authority. A credential with no recorded minter (the sign-up's and the first start's owner tokens,
 * and what was made before minters were recorded) takes its acting user's role. In Java because it walks the lineage,
 * which neither H2's nor PostgreSQL's SQL shares a way to do in an update.
 */
public class V15__Credential_authority extends BaseJavaMigration {

    private static final List<String> ORDER = List.of("OWNER", "ADMIN", "MEMBER");

    private record Row(String table, String id, String actor, String mintedBy, Timestamp createdAt) {}

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        try (var statement = connection.createStatement()) {
            statement.execute("alter table api_key add column authority varchar(10)");
            statement.execute("alter table personal_access_token add column authority varchar(10)");
        }
        var roles = new HashMap<String, String>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select id, role from app_user")) {
            while (rows.next()) {
                roles.put(rows.getString(1), rows.getString(2));
            }
        }
        var credentials = new ArrayList<Row>();
        read(connection, "api_key", "created_by", credentials);
        read(connection, "personal_access_token", "user_id", credentials);
        credentials.sort(Comparator.comparing(Row::createdAt).thenComparing(Row::id));
        var authority = new HashMap<String, String>();
        for (var row : credentials) {
            var role = roles.getOrDefault(row.actor(), "MEMBER");
            var minter = row.mintedBy() == null ? null : authority.get(row.mintedBy());
            // a minter that cannot be found held no more than an admin's authority, as far as anyone knows
            var cap = row.mintedBy() == null ? role : minter == null ? "ADMIN" : minter;
            authority.put(row.id(), lesser(role, cap));
        }
        write(connection, credentials, authority);
        try (var statement = connection.createStatement()) {
            for (var table : List.of("api_key", "personal_access_token")) {
                statement.execute("alter table " + table + " alter column authority set not null");
                statement.execute("alter table " + table + " add constraint ck_" + table + "_authority"
                        + " check (authority in ('OWNER', 'ADMIN', 'MEMBER'))");
            }
        }
    }

    private static void read(Connection connection, String table, String actor, List<Row> into) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select id, " + actor + ", minted_by, created_at from " + table)) {
            while (rows.next()) {
                into.add(new Row(table, rows.getString(1), rows.getString(2), rows.getString(3), rows.getTimestamp(4)));
            }
        }
    }

    private static void write(Connection connection, List<Row> credentials, Map<String, String> authority)
            throws SQLException {
        for (var table : List.of("api_key", "personal_access_token")) {
            try (var update = connection.prepareStatement("update " + table + " set authority = ? where id = ?")) {
                int batched = 0;
                for (var row : credentials) {
                    if (!row.table().equals(table)) {
                        continue;
                    }
                    update.setString(1, authority.get(row.id()));
                    update.setString(2, row.id());
                    update.addBatch();
                    if (++batched % 1000 == 0) {
                        update.executeBatch();
                    }
                }
                update.executeBatch();
            }
        }
    }

    private static String lesser(String a, String b) {
        return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
    }
}
