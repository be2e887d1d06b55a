package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.credential.ApiKey;
import com.meetergo.apiauth.domain.model.credential.ApiKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class JpaApiKeyRepository extends JpaCredentialRepository<ApiKey> implements ApiKeyRepository {

    public JpaApiKeyRepository() {
        super(ApiKey.class);
    }

    @Override
    public List<ApiKey> ofCompany(String companyId) {
        return em.createNamedQuery("ApiKey.byCompany", ApiKey.class)
                .setParameter("companyId", companyId)
                .getResultList();
    }
}
