package com.meetergo.apiauth.infrastructure.migration;

import java.sql.SQLException;
import java.util.ArrayList;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 8: a company's plan (today's companies are Enterprise: every credential they hold keeps working), an audit
 * event's detail (a plan change's old and new plan), and a third kind of change notice, COMPANY, so that a plan change
 * reaches every server's cache. In Java because V4 left its check on {@code change_notice.kind} unnamed, and H2 and
 * PostgreSQL name such a check differently: it is found by its clause, dropped, and replaced by a named one.
 */
public class V8__Company_plan extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        try (var statement = connection.createStatement()) {
            statement.execute("alter table company add column plan varchar(16) default 'ENTERPRISE' not null");
            // what an event changed where it is not a credential or a user: a plan change's old and new plan
            statement.execute("alter table audit_event add column detail varchar(200)");
            var checks = new ArrayList<String>();
            try (var rows =
                    statement.executeQuery("select tc.constraint_name from information_schema.table_constraints tc"
                            + " join information_schema.check_constraints cc on cc.constraint_name = tc.constraint_name"
                            + " and cc.constraint_schema = tc.constraint_schema"
                            + " where lower(tc.table_name) = 'change_notice' and tc.constraint_type = 'CHECK'"
                            + " and tc.table_schema = current_schema and cc.check_clause like '%CREDENTIAL%'")) {
                while (rows.next()) {
                    checks.add(rows.getString(1));
                }
            }
            if (checks.size() != 1) {
                throw new SQLException("expected the one check on change_notice.kind, found " + checks);
            }
            statement.execute("alter table change_notice drop constraint \"" + checks.get(0) + "\"");
            statement.execute("alter table change_notice add constraint ck_change_notice_kind"
                    + " check (kind in ('CREDENTIAL', 'USER', 'COMPANY'))");
        }
    }
}
