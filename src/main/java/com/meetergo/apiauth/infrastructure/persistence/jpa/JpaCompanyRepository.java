package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.company.Company;
import com.meetergo.apiauth.domain.model.company.CompanyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaCompanyRepository implements CompanyRepository {

    @PersistenceContext(unitName = "apiauth")
    private EntityManager em;

    @Override
    public void add(Company company) {
        em.persist(company);
    }

    @Override
    public boolean any() {
        return !em.createQuery("select c.id from Company c", String.class)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public Optional<Company> find(String id) {
        return Optional.ofNullable(em.find(Company.class, id));
    }
}
