package com.meetergo.apiauth.infrastructure.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the schema up to date (Flyway, db/migration) before anything else touches the database. */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrator {

    @Resource(lookup = "jdbc/apiauth")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                // Liberty's class loader cannot list folders: Flyway finds each of its folders
                // (db/migration, and db/callback, which it always scans) through an empty marker
                // file named flyway.location.
                .locations("classpath:db/migration")
                // Java migrations are named here: the class loader cannot list packages either.
                .javaMigrations(new V8__Company_plan(), new V15__Credential_authority())
                .failOnMissingLocations(true)
                // Liberty may create its EJB timer tables (EJBTIMER_*) in the schema before this runs:
                // a schema with tables but no history starts from version 0, so V1 still runs (and
                // fails loudly if our own tables were somehow there already).
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
