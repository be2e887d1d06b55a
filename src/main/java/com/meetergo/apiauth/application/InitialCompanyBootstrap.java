package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.company.CompanyRepository;
import com.meetergo.apiauth.domain.model.company.Plan;
import com.meetergo.apiauth.infrastructure.config.SecretsDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First start on an empty database: creates the first company and its owner, and hands the owner's first PAT over in
 * {@code secrets/initial-owner-token} (mode 600), as Jenkins hands over its initial admin secret. Only the file's path
 * is logged. Once any company exists it does nothing.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class InitialCompanyBootstrap {

    private static final Logger LOG = Logger.getLogger(InitialCompanyBootstrap.class.getName());

    @Inject
    CompanyRepository companies;

    @Inject
    ProvisioningService provisioning;

    @Inject
    SecretsDirectory secrets;

    /** False on a server that must never create the first company (e.g. the second server of a cluster). */
    @Inject
    @ConfigProperty(name = "apiauth.bootstrap.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "apiauth.bootstrap.company-name")
    String companyName;

    @Inject
    @ConfigProperty(name = "apiauth.bootstrap.owner-email")
    String ownerEmail;

    @Inject
    @ConfigProperty(name = "apiauth.bootstrap.owner-given-name")
    String ownerGivenName;

    @Inject
    @ConfigProperty(name = "apiauth.bootstrap.owner-family-name")
    String ownerFamilyName;

    @PostConstruct
    void createFirstCompany() {
        if (!enabled || companies.any()) {
            return;
        }
        var created = provisioning.provision(companyName, ownerEmail, ownerGivenName, ownerFamilyName, Plan.DEFAULT);
        var file = secrets.file(InitialOwnerTokenFile.NAME);
        try {
            // A file left from an earlier, wiped database holds a token that no longer exists.
            Files.deleteIfExists(file);
            secrets.createOwnerOnly(file, created.token().secret() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info(() -> "Created the first company and its owner " + ownerEmail
                + "; the owner's first personal access token is in " + file);
    }
}
