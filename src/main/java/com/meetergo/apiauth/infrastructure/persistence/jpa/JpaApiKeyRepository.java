package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.credential.ApiKey;
import com.meetergo.apiauth.domain.model.credential.ApiKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {

    @PersistenceContext(unitName = "apiauth")
    private EntityManager em;

    @Override
    public boolean markReplaced(String id, String successorId, java.time.Instant graceUntil) {
        return em.createNamedQuery("ApiKey.markReplaced").setParameter("id", id).setParameter("successor", successorId)
                .setParameter("graceUntil", graceUntil).executeUpdate() == 1;
    }

    @Override
    public void recordUse(String id, java.time.Instant now, String ip, java.time.Instant unlessUsedAfter) {
        em.createNamedQuery("ApiKey.recordUse").setParameter("id", id).setParameter("now", now).setParameter("ip", ip)
                .setParameter("after", unlessUsedAfter).executeUpdate();
    }

    @Override
    public void add(ApiKey key) {
        em.persist(key);
    }

    @Override
    public Optional<ApiKey> find(String id) {
        return Optional.ofNullable(em.find(ApiKey.class, id));
    }

    @Override
    public List<ApiKey> ofCompany(String companyId) {
        return em.createNamedQuery("ApiKey.byCompany", ApiKey.class).setParameter("companyId", companyId)
                .getResultList();
    }

    @Override
    public List<ApiKey> mintedBy(String creatorId) {
        return em.createNamedQuery("ApiKey.mintedBy", ApiKey.class).setParameter("creator", creatorId).getResultList();
    }
}
