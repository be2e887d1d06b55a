package com.meetergo.apiauth.domain.model.company;

import java.util.Optional;

public interface CompanyRepository {

    void add(Company company);

    boolean any();

    Optional<Company> find(String id);
}
