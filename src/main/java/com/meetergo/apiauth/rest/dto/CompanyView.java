package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.company.Company;
import com.meetergo.apiauth.domain.model.company.Plan;

/** The caller's company: what pages and clients need to explain what its plan allows. */
public record CompanyView(String companyId, String name, Plan plan) {

    public static CompanyView of(Company company) {
        return new CompanyView(company.id(), company.name(), company.plan());
    }
}
