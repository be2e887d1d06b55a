package com.meetergo.apiauth.infrastructure.persistence.jpa;

import com.meetergo.apiauth.domain.model.credential.CredentialRepository;
import com.meetergo.apiauth.domain.model.credential.CredentialStatus;
import com.meetergo.apiauth.domain.model.credential.StoredCredential;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The statements both credential tables run, written once over the entity's name: both map the same columns through
 * {@link StoredCredential}. EclipseLink parses each JPQL string once and keeps it (its JPQL parse cache), as it would a
 * named query.
 */
abstract class JpaCredentialRepository<T extends StoredCredential> implements CredentialRepository<T> {

    @PersistenceContext(unitName = "apiauth")
    EntityManager em;

    private final Class<T> type;

    private final String markReplaced;

    private final String recordUse;

    private final String mintedBy;

    JpaCredentialRepository(Class<T> type) {
        this.type = type;
        var entity = type.getSimpleName();
        this.markReplaced = "update " + entity + " c set c.lifecycle.replacedBy = :successor,"
                + " c.lifecycle.graceUntil = :graceUntil where c.id = :id and c.lifecycle.replacedBy is null"
                + " and c.lifecycle.status = " + CredentialStatus.class.getName() + ".ACTIVE";
        this.recordUse = "update " + entity + " c set c.lifecycle.lastUsedAt = :now, c.lifecycle.lastUsedIp = :ip"
                + " where c.id = :id and (c.lifecycle.lastUsedAt is null or c.lifecycle.lastUsedAt <= :after)";
        this.mintedBy = "select c from " + entity + " c where c.lifecycle.mintedBy = :creator";
    }

    @Override
    public boolean markReplaced(String id, String successorId, Instant graceUntil) {
        return em.createQuery(markReplaced)
                        .setParameter("id", id)
                        .setParameter("successor", successorId)
                        .setParameter("graceUntil", graceUntil)
                        .executeUpdate()
                == 1;
    }

    @Override
    public void recordUse(String id, Instant now, String ip, Instant unlessUsedAfter) {
        em.createQuery(recordUse)
                .setParameter("id", id)
                .setParameter("now", now)
                .setParameter("ip", ip)
                .setParameter("after", unlessUsedAfter)
                .executeUpdate();
    }

    @Override
    public void add(T credential) {
        em.persist(credential);
    }

    @Override
    public Optional<T> find(String id) {
        return Optional.ofNullable(em.find(type, id));
    }

    @Override
    public List<T> mintedBy(String creatorId) {
        return em.createQuery(mintedBy, type).setParameter("creator", creatorId).getResultList();
    }
}
