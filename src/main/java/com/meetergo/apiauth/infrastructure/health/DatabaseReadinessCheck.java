package com.meetergo.apiauth.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers and the schema is migrated (the last Flyway migration succeeded). Load balancers send
 * no traffic to a server that is not ready.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Resource(lookup = "jdbc/apiauth")
    DataSource database;

    @Override
    public HealthCheckResponse call() {
        var check = HealthCheckResponse.named("database");
        try (var connection = database.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery(
                        // Quoted: Flyway names its table and columns in lower case, to which H2 does not fold unquoted
                        // names.
                        "select count(*) from \"flyway_schema_history\" where \"success\" = false")) {
            rs.next();
            return check.status(rs.getInt(1) == 0).build();
        } catch (SQLException e) {
            return check.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
