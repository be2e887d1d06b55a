package com.meetergo.apiauth.application;

import com.meetergo.apiauth.domain.model.company.Company;
import com.meetergo.apiauth.domain.model.company.CompanyRepository;
import com.meetergo.apiauth.domain.shared.DomainException;
import com.meetergo.apiauth.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Objects;

/** The caller's company and its credential policy. */
@ApplicationScoped
@Transactional
public class CompanyService {

    @Inject
    CompanyRepository companies;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Company of(Caller caller) {
        return companies.find(caller.companyId()).orElseThrow(() -> DomainException.notFound("Company"));
    }

    /** The longest a new PAT may live from now on, in days; null lifts the limit. */
    public Company limitPatLifetime(Caller caller, Integer days) {
        var company = of(caller);
        var before = company.maxPatLifetimeDays();
        company.limitPatLifetime(days);
        if (!Objects.equals(before, company.maxPatLifetimeDays())) {
            audit.recordTokenPolicyChange(company.id(), before, company.maxPatLifetimeDays(), caller);
        }
        return company;
    }
}
