package com.meetergo.apiauth.application;

import com.meetergo.apiauth.application.CredentialActions.Lineage;
import com.meetergo.apiauth.domain.model.audit.AuditEventType;
import com.meetergo.apiauth.domain.model.company.Company;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.company.CompanyRepository;
import com.meetergo.apiauth.domain.model.user.Role;
import com.meetergo.apiauth.domain.model.user.User;
import com.meetergo.apiauth.domain.model.user.UserRepository;
import com.meetergo.apiauth.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Creates a company with its owner and the owner's first PAT: the platform's sign-up. */
@ApplicationScoped
@Transactional
public class ProvisioningService {

    @Inject
    CompanyRepository companies;

    @Inject
    UserRepository users;

    @Inject
    PersonalAccessTokenService tokens;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public Provisioned provision(String companyName, String ownerEmail, String givenName, String familyName) {
        if (users.emailTaken(ownerEmail)) {
            throw DomainException.conflict("A user with this email already exists");
        }
        var now = clock.instant();
        var company = new Company(companyName, now);
        companies.add(company);
        var owner = new User(company.id(), ownerEmail, givenName, familyName, Role.OWNER, now);
        users.add(owner);
        var token = tokens.issue(owner, "Initial owner token", null, null, new Lineage(null, null));
        audit.record(AuditEventType.CREATED, token.token(), CredentialType.PERSONAL_ACCESS_TOKEN, null);
        return new Provisioned(company, owner, token);
    }

    /** The result; {@code token.secret()} is the owner's first PAT, shown once. */
    public record Provisioned(Company company, User owner, PersonalAccessTokenService.NewToken token) {
    }
}
