package com.meetergo.apiauth.domain.model.company;

public interface CompanyRepository {

    void add(Company company);

    boolean any();
}
