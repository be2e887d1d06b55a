package com.meetergo.apiauth.application;

import com.meetergo.apiauth.application.CredentialActions.Lineage;
import com.meetergo.apiauth.domain.model.company.Company;
import com.meetergo.apiauth.domain.model.company.CompanyRepository;
import com.meetergo.apiauth.domain.model.company.Plan;
import com.meetergo.apiauth.domain.model.credential.CredentialType;
import com.meetergo.apiauth.domain.model.credential.IpAllowlist;
import com.meetergo.apiauth.domain.model.credential.Scopes;
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

    @Inject
    ChangeNotices changes;

    /** A company on {@code plan}; its owner gets a first PAT only where the plan includes PATs. */
    public Provisioned provision(
            String companyName, String ownerEmail, String givenName, String familyName, Plan plan) {
        if (users.emailTaken(ownerEmail)) {
            throw DomainException.conflict(UserService.DUPLICATE_EMAIL);
        }
        var now = clock.instant();
        var company = new Company(companyName, plan, now);
        companies.add(company);
        var owner = new User(company.id(), ownerEmail, givenName, familyName, Role.OWNER, now);
        users.add(owner);
        if (!plan.includes(CredentialType.PERSONAL_ACCESS_TOKEN)) {
            return new Provisioned(company, owner, null);
        }
        var token = tokens.issue(
                owner, "Initial owner token", null, Scopes.FULL, IpAllowlist.ANYWHERE, null, Lineage.platform());
        audit.recordCreated(token.token(), CredentialType.PERSONAL_ACCESS_TOKEN, null);
        return new Provisioned(company, owner, token);
    }

    /**
     * The platform changes a company's plan. Credentials the new plan excludes are refused from the next request on, on
     * every server within a second (a change notice), and work again after an upgrade; none is revoked.
     */
    public Company changePlan(String companyId, Plan plan) {
        var company = companies.find(companyId).orElseThrow(() -> DomainException.notFound("Company"));
        var old = company.plan();
        if (old != plan) {
            company.changePlan(plan);
            changes.companyChanged(company.id());
            audit.recordPlanChange(company.id(), old.name(), plan.name());
        }
        return company;
    }

    /** The result; {@code token.secret()} is the owner's first PAT, shown once (null: the plan has none). */
    public record Provisioned(Company company, User owner, PersonalAccessTokenService.NewToken token) {}
}
