package bench.baseline;

import jakarta.annotation.Resource;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Stored credentials in bulk for bench/run's scale step and its sweep step, straight into api-auth's
 * tables with one INSERT … SELECT per 100,000 rows (not through the API): API keys and PATs of the
 * given company, with random digests that no request will ever match. Benchmark server only — this
 * WAR is never part of a production server; it is open because the benchmark's baseline is.
 *
 * <p>Ids are UUIDv7, as api-auth makes them: the credentials of one seeding — like those one sweep
 * expires, created together a lifetime earlier — sit together in the primary key's index.
 *
 * <p>Each chunk inserts its rows in key order (ids sorted; the digest spelled from the id,
 * so that the unique digest index is filled in the same order) and, on H2, with the store's
 * retention time at 0 for the seeding: H2 rewrites every page a save touches into a new chunk of
 * its file, and 1M rows inserted in random order left an 8 GB file (sorted, with old chunks reused
 * at once: under 1 GB) whose writing-back by the kernel then slowed the next rounds' requests.
 *
 * <p>{@code POST /baseline/seed?kind=live&count=N&company=C&owner=U} adds N credentials, half of
 * each type, valid for 30 days; {@code kind=expired} adds N API keys that expired a minute ago (the
 * sweep's work). Answers the number of rows added. {@code kind=users} adds N members of the company
 * (bench/run --subjects: one API key then acts as each) and answers their ids, one a line.
 */
@Path("seed")
public class SeedResource {

    private static final int CHUNK = 100_000;

    @Resource(lookup = "jdbc/apiauth")
    DataSource dataSource;

    @POST
    public String seed(@QueryParam("kind") String kind, @QueryParam("count") int count,
            @QueryParam("company") String company, @QueryParam("owner") String owner) {
        if (company == null || !company.matches("[0-9a-f-]{36}") || owner == null || !owner.matches("[0-9a-f-]{36}")
                || count <= 0 || !("live".equals(kind) || "expired".equals(kind) || "users".equals(kind))) {
            throw new WebApplicationException("kind=live|expired|users, count > 0, company and owner ids", 400);
        }
        try {
            if ("users".equals(kind)) {
                return users(count, company);
            }
            var retention = h2RetentionTime(0);
            try {
                return Long.toString(insert(kind, count, company, owner));
            } finally {
                h2RetentionTime(retention);
            }
        } catch (SQLException e) {
            // One line: the database's message (H2's span lines) goes into the answer for bench/run to print.
            throw new WebApplicationException(jakarta.ws.rs.core.Response.serverError()
                    .entity(String.valueOf(e.getMessage()).replaceAll("\\s+", " ")).build());
        }
    }

    private long insert(String kind, int count, String company, String owner) throws SQLException {
        long added = 0;
        // A connection per chunk: the benchmark's pool takes back a connection in use for over a
        // minute (db.pool.max.in.use.time), and a million rows take longer than that on H2.
        for (int done = 0; done < count; done += CHUNK) {
            int n = Math.min(CHUNK, count - done);
            try (var connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                var sql = new Dialect(connection);
                if ("expired".equals(kind)) {
                    added += sql.insertApiKeys(n, company, owner, "-31", "-1 minute");
                } else {
                    added += sql.insertApiKeys(n / 2, company, owner, "0", "30 days");
                    added += sql.insertTokens(n - n / 2, company, owner);
                }
            }
        }
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            new Dialect(connection).afterBulkInsert();
        }
        return added;
    }

    /** n members of the company in one INSERT … SELECT (a few thousand rows: no chunks); their ids. */
    private String users(int count, String company) throws SQLException {
        var marker = java.util.UUID.randomUUID().toString().substring(0, 8);
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            var sql = new Dialect(connection);
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("insert into app_user (id, company_id, email, email_key, given_name, family_name, "
                        + "role, active, created_at) select id, '" + company + "', 'seed-' || id || '@example.com', "
                        + "'seed-' || id || '@example.com', 'Seed', '" + marker + "', 'MEMBER', true, " + sql.at("0")
                        + " from " + sql.sortedIds(count) + " order by id");
                var ids = new StringBuilder();
                try (var rs = statement.executeQuery("select id from app_user where family_name = '" + marker + "'")) {
                    while (rs.next()) {
                        ids.append(rs.getString(1)).append('\n');
                    }
                }
                return ids.toString();
            }
        }
    }

    /** Sets H2's retention time (ms) and answers the one it had; -1 and nothing done on PostgreSQL. */
    private int h2RetentionTime(int millis) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            if (!new Dialect(connection).h2() || millis < 0) {
                return -1;
            }
            int before;
            try (var rs = statement.executeQuery(
                    "select setting_value from information_schema.settings where setting_name = 'RETENTION_TIME'")) {
                before = rs.next() ? Integer.parseInt(rs.getString(1)) : 45_000;
            }
            statement.execute("set retention_time " + millis);
            return before;
        }
    }

    /** The few places where H2 and PostgreSQL spell things differently. */
    private record Dialect(Connection connection, boolean h2) {

        Dialect(Connection connection) throws SQLException {
            this(connection, connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2"));
        }

        String rows(int n) {
            return h2 ? "system_range(1, " + n + ")" : "generate_series(1, " + n + ")";
        }

        /**
         * A UUIDv7 (RFC 9562) as api-auth makes them (domain.model.Ids): the time in milliseconds, then
         * random bits. PostgreSQL 15 has no uuidv7(): the time's 12 hex digits over a random UUID's first
         * 13 characters, and its version digit set to 7.
         */
        String uuid() {
            if (h2) {
                return "cast(random_uuid(7) as varchar)";
            }
            var hex = "lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0')";
            return "(substr(" + hex + ", 1, 8) || '-' || substr(" + hex + ", 9, 4) || '-7' || substr(r.u, 16, 3)"
                    + " || substr(r.u, 19))";
        }

        /** 64 hex digits spelled from the row's (random) id: unique, in the ids' order, matched by no request. */
        String digest() {
            return "replace(id, '-', '') || replace(id, '-', '')";
        }

        /** n random ids in ascending order: the rows go into every index in key order. */
        String sortedIds(int n) {
            return h2 ? "(select " + uuid() + " as id from " + rows(n) + ") ids"
                    : "(select " + uuid() + " as id from (select gen_random_uuid()::text as u from " + rows(n)
                            + ") r) ids";
        }

        /** now() plus days (created) or an interval ("30 days", "-1 minute") for the expiry. */
        String at(String interval) {
            var parts = interval.split(" ");
            if (parts.length == 1) {
                return h2 ? "dateadd('DAY', " + parts[0] + ", current_timestamp)"
                        : "now() + interval '" + parts[0] + " days'";
            }
            return h2 ? "dateadd('" + parts[1].toUpperCase().replaceAll("S$", "") + "', " + parts[0] + ", current_timestamp)"
                    : "now() + interval '" + interval + "'";
        }

        int insertApiKeys(int n, String company, String owner, String createdDays, String expiresIn) throws SQLException {
            try (var statement = connection.createStatement()) {
                return statement.executeUpdate("insert into api_key (id, company_id, name, secret_digest, hint, "
                        + "created_by, created_at, expires_at, status, authority) select id, '" + company
                        + "', 'seed', " + digest() + ", 'ak_live:seed', '" + owner + "', " + at(createdDays) + ", "
                        + at(expiresIn) + ", 'ACTIVE', 'OWNER' from " + sortedIds(n) + " order by id");
            }
        }

        int insertTokens(int n, String company, String owner) throws SQLException {
            try (var statement = connection.createStatement()) {
                return statement.executeUpdate("insert into personal_access_token (id, user_id, company_id, name, "
                        + "secret_digest, hint, created_at, status, authority) select id, '" + owner + "', '"
                        + company + "', 'seed', " + digest() + ", 'rgo-seed', " + at("0") + ", 'ACTIVE', 'OWNER' from "
                        + sortedIds(n) + " order by id");
            }
        }

        /**
         * PostgreSQL's aftercare of a bulk insert done now rather than during the rounds that follow:
         * the planner's statistics, the vacuum that autovacuum would start after this many inserts
         * (it sets the pages' visibility and hint bits), and a checkpoint that writes the new pages
         * out. Without it a round of requests after 1M inserted rows shared the two cores with
         * PostgreSQL's own work on them. Not on H2, which plans these primary-key and index lookups
         * without statistics (its ANALYZE rewrites every table's metadata while requests run) and
         * whose file the seeding writes itself.
         */
        void afterBulkInsert() throws SQLException {
            if (h2) {
                return;
            }
            try (var statement = connection.createStatement()) {
                statement.execute("vacuum (analyze) api_key");
                statement.execute("vacuum (analyze) personal_access_token");
                statement.execute("checkpoint");
            }
        }
    }
}
