package com.meetergo.apiauth.rest.dto;

import com.meetergo.apiauth.domain.model.company.Company;
import com.meetergo.apiauth.domain.model.company.Plan;

/** The answer to a plan change. */
public record CompanyPlanView(String companyId, Plan plan) {

    public static CompanyPlanView of(Company company) {
        return new CompanyPlanView(company.id(), company.plan());
    }
}
